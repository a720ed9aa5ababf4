import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import LetterCard from '../../components/letter-card'
import PageState from '../../components/page-state'
import PhotoPicker, { type PickedPhoto } from '../../components/photo-picker'
import StatementEditor from '../../components/statement-editor'
import { DAY, draftProblems, draftTotals, linesOf, newLine, sentStatement, type StatementDraft } from '../../components/statement-editor/draft'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getDream } from '../../services/api'
import { getMyDreamLetters, resubmitLetter, submitLetter, type LetterInput } from '../../services/letters'
import { errorMessage, isApiError } from '../../services/request'
import type { Dream, LetterView } from '../../../functions/contract'
import { FIELDS } from '../../../functions/contract/fields'
import { formatShanghaiDate, formatMoney } from '../../utils/format'
import './index.scss'

const STATUS_LABELS: Record<string, string> = { in_review: '审核中', published: '已发布', rejected: '被退回' }

const today = () => formatShanghaiDate(new Date().toISOString())
const dayAfter = (day: string) => formatShanghaiDate(new Date(Date.parse(`${day}T12:00:00+08:00`) + 24 * 3600 * 1000).toISOString())
/** A day as a time: noon in China, so it is that day wherever it is read. */
/** Noon of the chosen day (Shanghai), or now when that noon is still ahead: the API refuses a happenedAt in the future. */
const happenedAtOf = (day: string) => {
  const noon = `${day}T12:00:00+08:00`
  return Date.parse(noon) > Date.now() ? new Date().toISOString() : noon
}

/**
 * Charity: writes a monthly letter (story, photos and a statement that must reconcile) or a field
 * update for a dream it adopted; sees each one's review state and note, and sends a rejected one again.
 */
export default function CharityLetterPage() {
  const router = useRouter()
  const dreamId = router.params.dreamId ? decodeURIComponent(router.params.dreamId) : ''
  const [dream, setDream] = useState<Dream | null>(null)
  const [letters, setLetters] = useState<LetterView[]>([])
  const [missing, setMissing] = useState<string | null>(dreamId ? null : '没有找到这个梦想')
  const [loadError, setLoadError] = useState('')

  const [kind, setKind] = useState<'letter' | 'update'>('letter')
  const [editing, setEditing] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [day, setDay] = useState(today())
  const [statement, setStatement] = useState<StatementDraft>(() => ({ periodStart: '', periodEnd: today(), lines: [newLine('spend')] }))
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [uploading, setUploading] = useState(false)
  const [sending, setSending] = useState(false)
  // After a first try to send, the page's own checks run on every edit, so a fixed field's
  // problem goes at once; what the API refused stays until the next edit.
  const [attempted, setAttempted] = useState(false)
  const [refusals, setRefusals] = useState<string[]>([])
  const sendingRef = useRef(false)

  // The books this letter continues: the last published statement (none before the first letter).
  const lastPublished = letters.find((l) => l.status === 'published' && l.statement)
  const totals = draftTotals(statement, lastPublished?.statement?.closingFen ?? null, dream?.matchedFen ?? 0)

  const refresh = useCallback(async () => {
    if (!dreamId) return
    try {
      const [detail, mine] = await Promise.all([getDream(dreamId), getMyDreamLetters(dreamId)])
      setDream(detail.dream)
      setLetters(mine.items)
      setLoadError('')
      const last = mine.items.find((l) => l.status === 'published' && l.statement)?.statement
      const firstDay = last ? dayAfter(last.periodEnd) : formatShanghaiDate(detail.dream.adoptedAt ?? new Date().toISOString())
      setStatement((current) => (current.periodStart ? current : { ...current, periodStart: firstDay }))
    } catch (err) {
      if (isApiError(err, 'NOT_FOUND') || isApiError(err, 'FORBIDDEN')) setMissing('只有认领这个梦想的公益机构可以写来信')
      else setLoadError(errorMessage(err))
    }
  }, [dreamId])

  usePageRefresh(refresh)

  const startEditing = (letter: LetterView) => {
    setEditing(letter.id)
    setKind(letter.kind)
    setTitle(letter.title)
    setBody(letter.body)
    setDay(formatShanghaiDate(letter.happenedAt))
    setPhotos(letter.photos.map((id, index) => ({ id, path: letter.photoUrls[index] ?? '' })))
    const sent = letter.statement
    if (sent) setStatement({ periodStart: sent.periodStart, periodEnd: sent.periodEnd, lines: linesOf(sent) })
    Taro.pageScrollTo({ selector: '.composer', duration: 200 }).catch(() => undefined)
  }

  /** What is wrong before sending, in words (the API checks again). */
  const check = (): string[] => {
    const found: string[] = []
    if ([...title.trim()].length < FIELDS.letterTitle.min) found.push(`标题至少 ${FIELDS.letterTitle.min} 个字`)
    if ([...body.trim()].length < FIELDS.letterBody.min) found.push(`正文至少 ${FIELDS.letterBody.min} 个字`)
    if (!DAY.test(day)) found.push('日期格式为 2026-10-31')
    if (kind === 'letter') found.push(...draftProblems(statement, totals))
    return found
  }

  const problems = [...(attempted ? check() : []), ...refusals]

  // Any edit answers the API's last refusal; the page's own checks above say what is still wrong.
  useEffect(() => setRefusals([]), [kind, title, body, day, statement, photos])

  const send = async () => {
    if (sendingRef.current || uploading) return
    setAttempted(true)
    setRefusals([])
    if (check().length > 0) return
    const input: LetterInput = {
      title: title.trim(),
      body: body.trim(),
      happenedAt: happenedAtOf(day),
      ...(photos.length ? { photos: photos.map((p) => p.id) } : {}),
      ...(kind === 'letter' ? { statement: sentStatement(statement, totals) } : {}),
    }
    sendingRef.current = true
    setSending(true)
    try {
      if (editing) await resubmitLetter(editing, input)
      else await submitLetter(dreamId, input)
      Taro.showToast({ title: '已提交审核', icon: 'success' })
      setAttempted(false)
      setEditing(null)
      setTitle('')
      setBody('')
      setStatement((current) => ({ ...current, lines: [newLine('spend')] }))
      setPhotos([])
      await refresh()
    } catch (err) {
      const details = (err as { details?: unknown }).details
      if (isApiError(err, 'LETTER_DOES_NOT_RECONCILE') && Array.isArray(details)) {
        setRefusals(details.map((d: { message?: string }) => d.message ?? '账目对不上'))
      } else {
        setRefusals([errorMessage(err, '提交失败，请稍后重试')])
      }
    } finally {
      sendingRef.current = false
      setSending(false)
    }
  }

  if (!dream) return <PageState root='composer-page' missing={missing} error={loadError} onRetry={refresh} />

  return (
    <View className='composer-page'>
      <View className='composer-dream'>
        <Text className='lrf-muted'>给支持者写信</Text>
        <Text className='composer-dream-title'>「{dream.title}」</Text>
        <Text className='lrf-muted composer-dream-meta'>
          {dream.donorCount} 位支持者 · 配捐 {formatMoney(dream.matchedFen)}
        </Text>
      </View>

      {letters.length > 0 ? <View className='lrf-section-title'>已写的来信</View> : null}
      {letters.map((letter) => (
        <View key={letter.id} className={`composer-sent composer-sent-${letter.status}`}>
          <Text className={`composer-status composer-status-${letter.status}`}>{STATUS_LABELS[letter.status]}</Text>
          <LetterCard letter={letter} full />
          {letter.status === 'rejected' ? (
            <View className='composer-rejected'>
              <Text className='composer-note'>审核意见：{letter.reviewNote || '（无）'}</Text>
              <Button className='lrf-button-plain composer-edit' onClick={() => startEditing(letter)}>
                修改后重新提交
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      <View className='lrf-section-title'>{editing ? '修改被退回的来信' : '写一封新的'}</View>
      <View className='lrf-card composer'>
        <View className='composer-kinds' role='radiogroup' aria-label='类型'>
          {(['letter', 'update'] as const).map((k) => (
            <View
              key={k}
              role='radio'
              aria-checked={kind === k}
              className={`composer-kind composer-kind-${k} ${kind === k ? 'composer-kind-active' : ''}`}
              onClick={() => setKind(k)}
            >
              {k === 'letter' ? '月度来信（含收支）' : '执行反馈（无金额）'}
            </View>
          ))}
        </View>

        <Text className='composer-label'>标题</Text>
        <Input
          className='composer-input composer-title'
          placeholder='如：十月的来信'
          value={title}
          maxlength={FIELDS.letterTitle.max * 2}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Text className='composer-label'>{kind === 'letter' ? '本期的故事' : '发生了什么'}</Text>
        <Textarea
          className='composer-textarea composer-body'
          placeholder='告诉支持者这段时间做了什么、孩子们/受助的人有什么变化'
          aria-label={kind === 'letter' ? '本期的故事' : '发生了什么'}
          // The box grows with the story, so every line stays in sight as it is written.
          autoHeight
          value={body}
          maxlength={FIELDS.letterBody.max * 2}
          onInput={(e) => setBody(e.detail.value)}
        />
        <Text className='composer-label'>日期</Text>
        <Input className='composer-input composer-day' placeholder='2026-10-31' value={day} onInput={(e) => setDay(e.detail.value)} />

        {kind === 'letter' ? (
          <StatementEditor
            draft={statement}
            onChange={setStatement}
            totals={totals}
            opensFromLetter={Boolean(lastPublished)}
            uploading={uploading}
            onUploadingChange={setUploading}
            dreamId={dreamId}
          />
        ) : null}

        <Text className='composer-label'>照片（最多 {FIELDS.photosMax} 张，每张不超过 4MB）</Text>
        <PhotoPicker
          className='composer-photos'
          photos={photos}
          max={FIELDS.photosMax}
          onAdd={(photo) => setPhotos((prev) => [...prev, photo])}
          onRemove={(photo) => setPhotos((prev) => prev.filter((p) => p.id !== photo.id))}
          busy={uploading}
          onBusyChange={setUploading}
          labels={{
            add: '添加照片',
            photo: (index) => `第 ${index + 1} 张照片`,
            remove: '移除',
            removeAria: (index) => `移除第 ${index + 1} 张照片`,
          }}
        />

        {problems.length > 0 ? (
          <View className='composer-problems' role='alert'>
            {[...new Set(problems)].map((p) => (
              <Text key={p} className='composer-problem'>
                {p}
              </Text>
            ))}
          </View>
        ) : null}
        <Button className='lrf-button composer-send' disabled={sending || uploading || undefined} onClick={send}>
          {sending ? '提交中…' : editing ? '重新提交审核' : '提交审核'}
        </Button>
        <Text className='lrf-muted composer-hint'>提交后由平台审核，照片需通过微信图片安全检测；发布后每位支持者都会收到这封信。</Text>
      </View>
    </View>
  )
}
