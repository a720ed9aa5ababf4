import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { ASSEMBLY_FIELDS } from '../../../functions/contract/assembly-fields'
import type { LetterView } from '../../../functions/contract'
import { scheduleAssembly, type Assembly } from '../../services/assembly'
import { assemblyErrorMessage } from '../../services/assembly-errors'
import { readScheduleDraft, type ScheduleDraft } from '../../services/assembly-schedule-form'

interface Props {
  dreamId: string
  /** The dream's published letters that carry a statement: one may be presented. */
  statements: LetterView[]
  onScheduled: (assembly: Assembly) => void
}

const EMPTY: ScheduleDraft = { title: '', day: '', time: '20:00', closeDay: '', closeTime: '19:00', meetingUrl: '', statementLetterId: '' }

/** The adopting charity schedules an assembly; every donor of the dream is invited. */
export default function ScheduleForm({ dreamId, statements, onScheduled }: Props) {
  const [draft, setDraft] = useState<ScheduleDraft>(EMPTY)
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const edit = (key: keyof ScheduleDraft) => (e: { detail: { value: string } }) => setDraft((prev) => ({ ...prev, [key]: e.detail.value }))

  const send = async () => {
    if (busy) return
    const read = readScheduleDraft(draft, Date.now())
    setProblems(read.problems)
    if (!read.body) return
    setBusy(true)
    try {
      onScheduled((await scheduleAssembly(dreamId, read.body)).assembly)
      setDraft(EMPTY)
    } catch (err) {
      setProblems([assemblyErrorMessage(err)])
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='assembly-schedule'>
      <Text className='assembly-label'>标题</Text>
      <Input
        className='assembly-input schedule-title'
        placeholder={`如：十二月股东大会（${ASSEMBLY_FIELDS.title.min}–${ASSEMBLY_FIELDS.title.max} 字）`}
        value={draft.title}
        onInput={edit('title')}
      />
      <Text className='assembly-label'>开会时间（北京时间）</Text>
      <View className='assembly-row'>
        <Input className='assembly-input assembly-input-half schedule-day' placeholder='2026-12-10' value={draft.day} onInput={edit('day')} />
        <Input className='assembly-input assembly-input-half schedule-time' placeholder='20:00' value={draft.time} onInput={edit('time')} />
      </View>
      <Text className='assembly-label'>提问截止（不晚于开会时间）</Text>
      <View className='assembly-row'>
        <Input className='assembly-input assembly-input-half schedule-close-day' placeholder='2026-12-10' value={draft.closeDay} onInput={edit('closeDay')} />
        <Input className='assembly-input assembly-input-half schedule-close-time' placeholder='19:00' value={draft.closeTime} onInput={edit('closeTime')} />
      </View>
      <Text className='assembly-label'>会议链接（腾讯会议或其他 https 链接，可稍后告知）</Text>
      <Input className='assembly-input schedule-url' placeholder='https://meeting.tencent.com/…' value={draft.meetingUrl} onInput={edit('meetingUrl')} />
      <Text className='assembly-label'>本次报告的账目</Text>
      {statements.length === 0 ? <Text className='lrf-muted schedule-no-statement'>还没有已发布的含账目来信，可以不附账目</Text> : null}
      <View className='assembly-chips'>
        {statements.length ? (
          <View
            className={`assembly-chip schedule-statement-none ${draft.statementLetterId ? '' : 'assembly-chip-on'}`}
            role='radio'
            aria-checked={!draft.statementLetterId}
            onClick={() => setDraft((prev) => ({ ...prev, statementLetterId: '' }))}
          >
            不附账目
          </View>
        ) : null}
        {statements.map((letter) => (
          <View
            key={letter.id}
            className={`assembly-chip schedule-statement ${draft.statementLetterId === letter.id ? 'assembly-chip-on' : ''}`}
            role='radio'
            aria-checked={draft.statementLetterId === letter.id}
            aria-label={`报告账目：${letter.title}`}
            onClick={() => setDraft((prev) => ({ ...prev, statementLetterId: letter.id }))}
          >
            {letter.title}（{letter.statement?.periodStart} 至 {letter.statement?.periodEnd}）
          </View>
        ))}
      </View>
      {problems.length ? (
        <View className='assembly-refusal schedule-problems' role='alert'>
          {problems.map((p) => (
            <Text key={p}>{p}</Text>
          ))}
        </View>
      ) : null}
      <Button className='lrf-button schedule-send' disabled={busy || undefined} onClick={send}>
        {busy ? '安排中…' : '安排大会并邀请所有支持者'}
      </Button>
    </View>
  )
}
