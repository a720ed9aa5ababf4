import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { reportQuestion, voteQuestion, type Question } from '../../services/assembly'
import type { DreamPromise } from '../../services/assembly-extras'
import { assemblyErrorMessage } from '../../services/assembly-errors'
import { askToSubscribe } from '../../services/subscribe'
import { formatShanghaiTime } from '../../utils/format'
import AnswerForm from './answer-form'
import PromiseForm from './promise-form'
import { lineLabel, type StatementLine } from './statement-lines'

export interface QuestionCardProps {
  question: Question
  rank: number
  assemblyId: string
  /** A donor of the dream may vote and report. */
  isDonor: boolean
  /** Votes are taken until questions close. */
  votingOpen: boolean
  isCharity: boolean
  assemblyClosed: boolean
  statement: { letterId: string; lines: StatementLine[] } | null
  onChanged: (question: Question) => void
  onPromise: (promise: DreamPromise) => void
}

const STATUS_LABELS: Record<string, string> = { open: '待答复', answered: '已答复', declined: '不予回答' }

const openLetter = (letterId: string) => Taro.navigateTo({ url: `/letters/read/index?id=${encodeURIComponent(letterId)}` }).catch(() => undefined)

/** One question in the open: its votes and answer; the donor's vote and report; the charity's answer. */
export default function QuestionCard(props: QuestionCardProps) {
  const { question: q, rank, isDonor, votingOpen, isCharity, assemblyClosed, statement } = props
  const [busy, setBusy] = useState(false)
  const [reported, setReported] = useState(false)
  const [answering, setAnswering] = useState(false)
  const [promising, setPromising] = useState(false)

  const act = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } catch (err) {
      Taro.showToast({ title: assemblyErrorMessage(err), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  const vote = () => {
    if (busy) return
    // Inside the tap, before any await (WeChat's rule): may WeChat invite them to the next assembly?
    askToSubscribe(['assembly'])
    return act(async () => props.onChanged((await voteQuestion(q.id)).question))
  }
  const report = () =>
    act(async () => {
      const sure = await Taro.showModal({ title: '举报这个问题？', content: '被多人举报的问题会先隐藏，等待管理员处理。' })
      if (!sure.confirm) return
      await reportQuestion(q.id)
      setReported(true)
      Taro.showToast({ title: '已举报，谢谢你', icon: 'none' })
    })

  const line = q.answerLine
  const lineItem = line && statement && statement.letterId === line.letterId ? statement.lines[line.lineIndex] : undefined

  return (
    <View className={`assembly-question assembly-question-${q.status}`} aria-label={`第 ${rank} 个问题，${q.votes} 票，${STATUS_LABELS[q.status] ?? ''}`}>
      <View className='assembly-question-head'>
        <Text className='assembly-question-rank'>#{rank}</Text>
        <Text className={`assembly-badge assembly-question-status-${q.status}`}>{STATUS_LABELS[q.status] ?? q.status}</Text>
        {q.hidden || q.held ? <Text className='assembly-badge assembly-badge-unmet'>仅你可见 · 等待审核</Text> : null}
        <Text className='assembly-question-votes'>{q.votes} 票</Text>
      </View>
      <Text className='assembly-question-text'>{q.text}</Text>
      <Text className='lrf-muted assembly-question-time'>{formatShanghaiTime(q.askedAt)} 提问</Text>

      {q.status !== 'open' && q.answer ? (
        <View className={`assembly-answer assembly-answer-${q.status}`}>
          <Text className='assembly-answer-label'>{q.status === 'declined' ? '机构不予回答，理由：' : '机构答复：'}</Text>
          <Text className='assembly-answer-text-shown'>{q.answer}</Text>
          {line ? (
            <View className='assembly-answer-line' role='link' aria-label='查看答复关联的账目' onClick={() => openLetter(line.letterId)}>
              关联账目：{lineItem ? lineLabel(lineItem, line.lineIndex) : `第 ${line.lineIndex + 1} 笔`} ›
            </View>
          ) : null}
        </View>
      ) : null}

      <View className='assembly-row assembly-question-actions'>
        {q.mine ? <Text className='lrf-muted assembly-question-mine'>我的提问</Text> : null}
        {/* Done states are text, not disabled buttons: H5 draws a disabled button's label invisible. */}
        {!q.mine && isDonor && votingOpen && q.voted ? <Text className='assembly-badge assembly-badge-done assembly-voted'>已投票</Text> : null}
        {!q.mine && isDonor && votingOpen && !q.voted ? (
          <Button
            className='lrf-button assembly-small-button assembly-vote'
            disabled={busy || undefined}
            aria-label={`给这个问题投一票，现在 ${q.votes} 票`}
            onClick={vote}
          >
            投一票
          </Button>
        ) : null}
        {!q.mine && isDonor && reported ? <Text className='lrf-muted assembly-reported'>已举报</Text> : null}
        {!q.mine && isDonor && !reported ? (
          <Button className='lrf-button-plain assembly-small-button assembly-report' disabled={busy || undefined} aria-label='举报这个问题' onClick={report}>
            举报
          </Button>
        ) : null}
        {isCharity && q.status === 'open' && !assemblyClosed ? (
          <Button className='lrf-button assembly-small-button assembly-answer-open' onClick={() => setAnswering(!answering)}>
            {answering ? '收起' : '答复'}
          </Button>
        ) : null}
        {isCharity && q.status === 'answered' ? (
          <Button className='lrf-button-plain assembly-small-button assembly-promise-open' onClick={() => setPromising(!promising)}>
            {promising ? '收起' : '记录承诺'}
          </Button>
        ) : null}
      </View>

      {answering && q.status === 'open' ? (
        <AnswerForm
          question={q}
          statement={statement}
          onAnswered={(answered) => {
            setAnswering(false)
            props.onChanged(answered)
          }}
        />
      ) : null}
      {promising ? (
        <PromiseForm
          assemblyId={props.assemblyId}
          questionId={q.id}
          onMade={(promise) => {
            setPromising(false)
            props.onPromise(promise)
            Taro.showToast({ title: '承诺已记录', icon: 'success' })
          }}
        />
      ) : null}
    </View>
  )
}
