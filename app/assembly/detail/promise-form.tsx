import { useState } from 'react'
import { Button, Input, View } from '@tarojs/components'
import { textProblem } from '../../../functions/contract/fields'
import { makePromise, type DreamPromise } from '../../services/assembly-extras'
import { EXTRA_FIELDS } from '../../services/assembly-limits'
import { assemblyErrorMessage } from '../../services/assembly-errors'

interface Props {
  assemblyId: string
  questionId: string
  onMade: (promise: DreamPromise) => void
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The charity records a promise (承诺) its answer made: what, and by which day. */
export default function PromiseForm({ assemblyId, questionId, onMade }: Props) {
  const [text, setText] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState('')

  const send = async () => {
    if (busy) return
    const what = text.trim()
    if (textProblem(what, EXTRA_FIELDS.promiseText)) return setRefusal(`承诺内容需 ${EXTRA_FIELDS.promiseText.min}–${EXTRA_FIELDS.promiseText.max} 字`)
    if (!DAY.test(dueDate.trim())) return setRefusal('完成日期格式为 2026-12-31')
    setBusy(true)
    setRefusal('')
    try {
      onMade((await makePromise(assemblyId, { text: what, dueDate: dueDate.trim(), questionId })).promise)
      setText('')
      setDueDate('')
    } catch (err) {
      setRefusal(assemblyErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='assembly-promise-form'>
      <Input
        className='assembly-input assembly-promise-text-input'
        placeholder='承诺的事（如：12 月底前公布采购发票）'
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <Input
        className='assembly-input assembly-promise-due-input'
        placeholder='完成日期，如 2026-12-31'
        value={dueDate}
        onInput={(e) => setDueDate(e.detail.value)}
      />
      {refusal ? (
        <View className='assembly-refusal assembly-promise-refusal' role='alert'>
          {refusal}
        </View>
      ) : null}
      <Button className='lrf-button assembly-small-button assembly-promise-send' disabled={busy || undefined} onClick={send}>
        {busy ? '记录中…' : '记录承诺'}
      </Button>
    </View>
  )
}
