import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { ASSEMBLY_FIELDS } from '../../../functions/contract/assembly-fields'
import { textProblem } from '../../../functions/contract/fields'
import { isApiError } from '../../services/request'
import { publishMinutes, type Assembly, type Question } from '../../services/assembly'
import { assemblyErrorMessage } from '../../services/assembly-errors'
import { MUST_ANSWER, mustAnswerFirst } from '../../services/assembly-questions'

interface Props {
  assemblyId: string
  questions: Question[]
  onPublished: (assembly: Assembly) => void
}

/** The charity publishes the minutes, which closes the assembly; the top questions must be answered first. */
export default function MinutesForm({ assemblyId, questions, onPublished }: Props) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState('')
  const [unanswered, setUnanswered] = useState(false)
  const blocking = mustAnswerFirst(questions)

  const send = async () => {
    if (busy) return
    const minutes = text.trim()
    if (textProblem(minutes, ASSEMBLY_FIELDS.minutes)) return setRefusal(`纪要需 ${ASSEMBLY_FIELDS.minutes.min}–${ASSEMBLY_FIELDS.minutes.max} 字`)
    setBusy(true)
    setRefusal('')
    setUnanswered(false)
    try {
      onPublished((await publishMinutes(assemblyId, minutes)).assembly)
    } catch (err) {
      const blocked = isApiError(err, 'UNANSWERED_QUESTIONS')
      setUnanswered(blocked)
      setRefusal(blocked ? `还不能发布：得票最多的前 ${MUST_ANSWER} 个问题须先答复（或说明不予回答的理由）。` : assemblyErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='assembly-minutes-form'>
      <Text className='lrf-muted'>发布纪要后大会结束，不能再答复。得票最多的前 {MUST_ANSWER} 个问题须先逐一答复或说明不予回答的理由。</Text>
      <Textarea
        className='assembly-textarea assembly-minutes-text'
        placeholder='会议纪要：报告了什么、答复了什么、做了哪些承诺'
        maxlength={ASSEMBLY_FIELDS.minutes.max}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      {refusal ? (
        <View className={`assembly-refusal assembly-minutes-refusal ${unanswered ? 'assembly-minutes-unanswered' : ''}`} role='alert'>
          <Text>{refusal}</Text>
          {unanswered && blocking.length ? (
            <View className='assembly-minutes-blocking'>
              <Text>还需答复：</Text>
              {blocking.map((q) => (
                <Text key={q.id} className='assembly-minutes-blocking-item'>
                  · {q.text}（{q.votes} 票）
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
      <Button className='lrf-button assembly-minutes-send' disabled={busy || undefined} onClick={send}>
        {busy ? '发布中…' : '发布纪要并结束大会'}
      </Button>
    </View>
  )
}
