import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { textProblem } from '../../../functions/contract/fields'
import { answerPoll, closePoll, openPoll, type Poll } from '../../services/assembly-extras'
import { EXTRA_FIELDS } from '../../services/assembly-limits'
import { assemblyErrorMessage } from '../../services/assembly-errors'

interface Props {
  assemblyId: string
  polls: Poll[] | null
  error: string
  isCharity: boolean
  /** A donor of the dream, who may answer. */
  canAnswer: boolean
  /** Polls open only while the assembly is not closed. */
  closed: boolean
  onChanged: (poll: Poll) => void
}

const toast = (err: unknown) => Taro.showToast({ title: assemblyErrorMessage(err), icon: 'none', duration: 2500 })

/** Live polls: the charity opens and closes them; donors answer once; results show once closed. */
export default function PollPanel({ assemblyId, polls, error, isCharity, canAnswer, closed, onChanged }: Props) {
  const [busy, setBusy] = useState(false)
  const [question, setQuestion] = useState('')
  const [options, setOptions] = useState<string[]>(['', ''])

  const run = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } catch (err) {
      toast(err)
    } finally {
      setBusy(false)
    }
  }

  const onOpen = () => {
    const q = question.trim()
    const opts = options.map((o) => o.trim())
    if (textProblem(q, EXTRA_FIELDS.pollQuestion) || opts.some((o) => textProblem(o, EXTRA_FIELDS.pollOption))) {
      Taro.showToast({
        title: `问题 ${EXTRA_FIELDS.pollQuestion.min}–${EXTRA_FIELDS.pollQuestion.max} 字，每个选项 1–${EXTRA_FIELDS.pollOption.max} 字`,
        icon: 'none',
      })
      return
    }
    return run(async () => {
      const answer = await openPoll(assemblyId, { question: q, options: opts })
      onChanged(answer.poll)
      setQuestion('')
      setOptions(['', ''])
    })
  }

  return (
    <View className='assembly-polls'>
      {error ? <View className='lrf-hint assembly-polls-error'>{error}</View> : null}
      {polls === null && !error ? <View className='lrf-hint'>加载中…</View> : null}
      {polls && polls.length === 0 ? <View className='lrf-muted assembly-polls-empty'>还没有投票</View> : null}
      {polls?.map((poll) => {
        const total = poll.results?.reduce((a, b) => a + b, 0) ?? 0
        return (
          <View key={poll.id} className={`assembly-poll assembly-poll-${poll.status}`}>
            <View className='assembly-poll-head'>
              <Text className='assembly-poll-question'>{poll.question}</Text>
              <Text className='lrf-muted'>{poll.status === 'open' ? '进行中' : `已结束 · ${total} 人参与`}</Text>
            </View>
            {poll.options.map((option, index) =>
              poll.results ? (
                <View key={index} className='assembly-poll-result' aria-label={`${option}：${poll.results[index]} 票`}>
                  <Text>{option}</Text>
                  <Text className='assembly-poll-count'>{poll.results[index]} 票</Text>
                </View>
              ) : // Shown as text once answered (or for a non-donor): H5 draws a disabled button's label invisible.
              poll.answered || !canAnswer ? (
                <View key={index} className='assembly-poll-option-shown'>
                  {option}
                </View>
              ) : (
                <Button
                  key={index}
                  className='lrf-button-plain assembly-poll-option'
                  disabled={busy || undefined}
                  aria-label={`投给：${option}`}
                  onClick={() => run(async () => onChanged((await answerPoll(poll.id, index)).poll))}
                >
                  {option}
                </Button>
              ),
            )}
            {poll.status === 'open' ? (
              <Text className='lrf-muted assembly-poll-note'>
                {poll.answered ? '你已参与，结果在投票结束后公布' : canAnswer ? '每人一次，结果在投票结束后公布' : '支持过这个梦想的人可以参与'}
              </Text>
            ) : null}
            {isCharity && poll.status === 'open' ? (
              <Button
                className='lrf-button-plain assembly-small-button assembly-poll-close'
                disabled={busy || undefined}
                onClick={() => run(async () => onChanged((await closePoll(poll.id)).poll))}
              >
                结束投票并公布结果
              </Button>
            ) : null}
          </View>
        )
      })}
      {isCharity && !closed ? (
        <View className='assembly-poll-form'>
          <Text className='assembly-form-title'>发起现场投票</Text>
          <Input
            className='assembly-input assembly-poll-form-question'
            placeholder='投票问题（2–60 字）'
            value={question}
            onInput={(e) => setQuestion(e.detail.value)}
          />
          {options.map((option, index) => (
            <Input
              key={index}
              className='assembly-input assembly-poll-form-option'
              placeholder={`选项 ${index + 1}`}
              value={option}
              onInput={(e) => setOptions((prev) => prev.map((o, i) => (i === index ? e.detail.value : o)))}
            />
          ))}
          <View className='assembly-row'>
            {options.length < EXTRA_FIELDS.pollOptionsMax ? (
              <Button className='lrf-button-plain assembly-small-button' onClick={() => setOptions((prev) => [...prev, ''])}>
                加一个选项
              </Button>
            ) : null}
            {options.length > EXTRA_FIELDS.pollOptionsMin ? (
              <Button className='lrf-button-plain assembly-small-button' onClick={() => setOptions((prev) => prev.slice(0, -1))}>
                去掉最后一个
              </Button>
            ) : null}
            <Button className='lrf-button assembly-small-button assembly-poll-start' disabled={busy || undefined} onClick={onOpen}>
              发起投票
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
