import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { ASSEMBLY_FIELDS } from '../../../functions/contract/assembly-fields'
import { textProblem } from '../../../functions/contract/fields'
import { answerQuestion, type Question } from '../../services/assembly'
import { assemblyErrorMessage } from '../../services/assembly-errors'
import { lineLabel, type StatementLine } from './statement-lines'

interface Props {
  question: Question
  /** The presented statement's letter and lines, when the assembly has one: an answer may point at a line. */
  statement: { letterId: string; lines: StatementLine[] } | null
  onAnswered: (question: Question) => void
}

/** The charity answers a question, or declines with a reason, optionally pointing at a statement line. */
export default function AnswerForm({ question, statement, onAnswered }: Props) {
  const [text, setText] = useState('')
  const [decline, setDecline] = useState(false)
  const [line, setLine] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState('')

  const send = async () => {
    if (busy) return
    const answer = text.trim()
    if (textProblem(answer, ASSEMBLY_FIELDS.answer)) {
      setRefusal(`${decline ? '理由' : '答复'}需 ${ASSEMBLY_FIELDS.answer.min}–${ASSEMBLY_FIELDS.answer.max} 字`)
      return
    }
    setBusy(true)
    setRefusal('')
    try {
      const body = {
        answer,
        ...(decline ? { decline: true } : {}),
        ...(!decline && statement && line !== null ? { line: { letterId: statement.letterId, lineIndex: line } } : {}),
      }
      onAnswered((await answerQuestion(question.id, body)).question)
    } catch (err) {
      setRefusal(assemblyErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='assembly-answer-form'>
      <View className='assembly-row'>
        <View
          className={`assembly-chip assembly-answer-mode ${decline ? '' : 'assembly-chip-on'}`}
          role='radio'
          aria-checked={!decline}
          aria-label='答复这个问题'
          onClick={() => setDecline(false)}
        >
          答复
        </View>
        <View
          className={`assembly-chip assembly-decline-mode ${decline ? 'assembly-chip-on' : ''}`}
          role='radio'
          aria-checked={decline}
          aria-label='不予回答，并说明理由'
          onClick={() => setDecline(true)}
        >
          不予回答（说明理由）
        </View>
      </View>
      <Textarea
        className='assembly-textarea assembly-answer-text'
        placeholder={decline ? '请说明不予回答的理由' : '写下公开答复，所有人都能看到'}
        maxlength={ASSEMBLY_FIELDS.answer.max}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      {!decline && statement && statement.lines.length ? (
        <View className='assembly-line-picker'>
          <Text className='lrf-muted'>关联账目中的一笔（可选）：</Text>
          <View
            className={`assembly-chip assembly-line-none ${line === null ? 'assembly-chip-on' : ''}`}
            role='radio'
            aria-checked={line === null}
            onClick={() => setLine(null)}
          >
            不关联
          </View>
          {statement.lines.map((item, index) => (
            <View
              key={index}
              className={`assembly-chip assembly-line-choice ${line === index ? 'assembly-chip-on' : ''}`}
              role='radio'
              aria-checked={line === index}
              aria-label={`关联${lineLabel(item, index)}`}
              onClick={() => setLine(index)}
            >
              {lineLabel(item, index)}
            </View>
          ))}
        </View>
      ) : null}
      {refusal ? (
        <View className='assembly-refusal assembly-answer-refusal' role='alert'>
          {refusal}
        </View>
      ) : null}
      <Button className='lrf-button assembly-small-button assembly-answer-send' disabled={busy || undefined} onClick={send}>
        {busy ? '提交中…' : decline ? '公开理由' : '公开答复'}
      </Button>
    </View>
  )
}
