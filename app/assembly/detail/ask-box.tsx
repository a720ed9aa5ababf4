import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { ASSEMBLY_FIELDS } from '../../../functions/contract/assembly-fields'
import { codePoints, textProblem } from '../../../functions/contract/fields'
import { askQuestion, type Question } from '../../services/assembly'
import { assemblyErrorMessage } from '../../services/assembly-errors'
import { askToSubscribe, preloadSubscribeTemplates } from '../../services/subscribe'

interface Props {
  assemblyId: string
  onAsked: (question: Question) => void
}

/** A donor asks the charity a question in the open. */
export default function AskBox({ assemblyId, onAsked }: Props) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState('')
  const { min, max } = ASSEMBLY_FIELDS.question
  useEffect(() => preloadSubscribeTemplates(), [])

  const send = async () => {
    if (busy) return
    const question = text.trim()
    if (textProblem(question, ASSEMBLY_FIELDS.question)) return setRefusal(`问题需 ${min}–${max} 字`)
    // Inside the tap, before any await (WeChat's rule): may WeChat invite them to the next assembly?
    askToSubscribe(['assembly'])
    setBusy(true)
    setRefusal('')
    try {
      onAsked((await askQuestion(assemblyId, question)).question)
      setText('')
    } catch (err) {
      setRefusal(assemblyErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='assembly-ask'>
      <Textarea
        className='assembly-textarea assembly-ask-text'
        placeholder={`向机构公开提问（${min}–${max} 字），所有人都能看到`}
        maxlength={max}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <View className='assembly-row'>
        <Text className='lrf-muted assembly-ask-count'>
          {codePoints(text.trim())}/{max}
        </Text>
        <Button className='lrf-button assembly-small-button assembly-ask-send' disabled={busy || undefined} onClick={send}>
          {busy ? '提交中…' : '提问'}
        </Button>
      </View>
      {refusal ? (
        <View className='assembly-refusal assembly-ask-refusal' role='alert'>
          {refusal}
        </View>
      ) : null}
    </View>
  )
}
