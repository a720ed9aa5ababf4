import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getDream } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { getLetter } from '../../services/letters'
import { ApiError, errorMessage } from '../../services/request'
import { getAssembly, type Assembly, type AssemblyPage, type Question } from '../../services/assembly'
import { getAssemblyPolls, type Poll } from '../../services/assembly-extras'
import { getDreamPromises, type DreamPromise } from '../../services/assembly-reads'
import { assemblyPhase, canJoin, countdownText, PHASE_LABELS } from '../../services/assembly-phase'
import { byVotes, MUST_ANSWER } from '../../services/assembly-questions'
import type { DreamDetail } from '../../../functions/contract'
import { formatShanghaiTime } from '../../utils/format'
import AskBox from './ask-box'
import JoinButton from './join-button'
import MinutesForm from './minutes-form'
import PollPanel from './poll-panel'
import PromiseList from './promise-list'
import QuestionCard from './question-card'
import type { StatementLine } from './statement-lines'
import '../assembly.scss'

// The countdown moves by the minute; a 20-second tick keeps it within a minute of the truth.
const TICK_MS = 20_000

type Loaded<T> = { value: T | null; error: string }
const settle = <T,>(work: Promise<T>): Promise<Loaded<T>> =>
  work.then(
    (value) => ({ value, error: '' }),
    (err: unknown) => ({ value: null, error: errorMessage(err) }),
  )

export default function AssemblyDetailPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''

  const [page, setPage] = useState<AssemblyPage | null>(null)
  const [dream, setDream] = useState<DreamDetail | null>(null)
  const [promises, setPromises] = useState<Loaded<DreamPromise[]>>({ value: null, error: '' })
  const [polls, setPolls] = useState<Loaded<Poll[]>>({ value: null, error: '' })
  const [statement, setStatement] = useState<{ letterId: string; title: string; lines: StatementLine[] } | null>(null)
  const [error, setError] = useState('')
  const [missing, setMissing] = useState(false)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])

  const load = useCallback(async () => {
    if (!id) return setMissing(true)
    try {
      const answer = await getAssembly(id)
      setPage(answer)
      setError('')
      setNow(Date.now())
      const { dreamId, statementLetterId } = answer.assembly
      const [dreamAnswer, promiseAnswer, pollAnswer, letterAnswer] = await Promise.all([
        settle(getDream(dreamId)),
        settle(getDreamPromises(dreamId)),
        settle(getAssemblyPolls(id)),
        statementLetterId ? settle(getLetter(statementLetterId)) : Promise.resolve(null),
      ])
      setDream(dreamAnswer.value)
      setPromises({ value: promiseAnswer.value?.items ?? null, error: promiseAnswer.error })
      setPolls({ value: pollAnswer.value?.items ?? null, error: pollAnswer.error })
      const letter = letterAnswer?.value?.letter
      setStatement(letter ? { letterId: letter.id, title: letter.title, lines: letter.statement?.lineItems ?? [] } : null)
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setMissing(true)
      else setError(errorMessage(err))
    }
  }, [id])

  usePageRefresh(load)

  if (missing || !page) return <PageState root='assembly' missing={missing ? '这场股东大会不存在' : null} error={error} onRetry={load} />

  const { assembly, questions } = page
  const me = getStoredUser()
  const isCharity = Boolean(me && dream?.dream.charityId === me.id)
  const isDonor = Boolean(dream?.viewer?.hasGiven)
  const phase = assemblyPhase(assembly, now)
  const closed = phase === 'closed'

  const putQuestion = (question: Question) =>
    setPage((prev) => (prev ? { ...prev, questions: byVotes([question, ...prev.questions.filter((q) => q.id !== question.id)]) } : prev))
  const putAssembly = (next: Assembly) => setPage((prev) => (prev ? { ...prev, assembly: next } : prev))
  const putPromise = (promise: DreamPromise) =>
    setPromises((prev) => ({
      ...prev,
      value: [promise, ...(prev.value ?? []).filter((p) => p.id !== promise.id)].sort((a, b) => b.dueDate.localeCompare(a.dueDate)),
    }))
  const putPoll = (poll: Poll) => setPolls((prev) => ({ ...prev, value: [poll, ...(prev.value ?? []).filter((p) => p.id !== poll.id)] }))
  const openDream = () => Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(assembly.dreamId)}` }).catch(() => undefined)
  const openStatement = (letterId: string) => Taro.navigateTo({ url: `/letters/read/index?id=${encodeURIComponent(letterId)}` }).catch(() => undefined)

  return (
    <View className='assembly'>
      <View className='lrf-card assembly-head'>
        <View className='assembly-row'>
          <Text className={`assembly-badge assembly-phase assembly-phase-${phase}`}>{PHASE_LABELS[phase]}</Text>
          {dream ? (
            <View className='assembly-dream-link' role='link' aria-label={`所属梦想：${dream.dream.title}`} onClick={openDream}>
              {dream.dream.title} ›
            </View>
          ) : null}
        </View>
        <Text className='assembly-title'>{assembly.title}</Text>
        <Text className='lrf-muted'>
          开会 {formatShanghaiTime(assembly.startsAt)} · 提问截止 {formatShanghaiTime(assembly.questionsCloseAt)}
        </Text>
        <Text className='assembly-countdown' aria-live='polite'>
          {countdownText(assembly, now)}
        </Text>
        {canJoin(assembly, now) ? <JoinButton assemblyId={assembly.id} /> : null}
        {closed || isCharity ? <Text className='lrf-muted assembly-attendance'>通过小程序加入会议 {assembly.attendance} 人</Text> : null}
      </View>

      <View className='lrf-card'>
        <Text className='assembly-section-title'>议程</Text>
        <View className='assembly-agenda'>
          <Text>1. 回顾承诺进展</Text>
          {statement ? (
            <View className='assembly-statement-link' role='link' aria-label={`查看账目：${statement.title}`} onClick={() => openStatement(statement.letterId)}>
              2. 机构报告账目：{statement.title} ›
            </View>
          ) : (
            <Text>2. 机构报告账目：本次未附账目</Text>
          )}
          <Text>3. 答复股东提问（得票最多的前 {MUST_ANSWER} 个必须答复）</Text>
          <Text>4. 现场投票</Text>
        </View>
      </View>

      <View className='lrf-card assembly-promises-card'>
        <Text className='assembly-section-title'>承诺清单</Text>
        <PromiseList promises={promises.value} error={promises.error} nowMs={now} isCharity={isCharity} onChanged={putPromise} />
      </View>

      <View className='lrf-card assembly-polls-card'>
        <Text className='assembly-section-title'>现场投票</Text>
        <PollPanel
          assemblyId={assembly.id}
          polls={polls.value}
          error={polls.error}
          isCharity={isCharity}
          canAnswer={isDonor}
          closed={closed}
          onChanged={putPoll}
        />
      </View>

      {closed ? (
        <View className='lrf-card assembly-minutes'>
          <Text className='assembly-section-title'>会议纪要</Text>
          <Text className='lrf-muted'>
            {assembly.closedAt ? `${formatShanghaiTime(assembly.closedAt)} 发布 · ` : ''}通过小程序加入会议 {assembly.attendance} 人 · 共 {questions.length}{' '}
            个问题
          </Text>
          <Text className='assembly-minutes-text-shown' userSelect>
            {assembly.minutes}
          </Text>
        </View>
      ) : null}

      <View className='lrf-card assembly-questions-card'>
        <Text className='assembly-section-title'>{closed ? '最终问题清单' : '股东提问'}</Text>
        {phase === 'asking' && isDonor ? <AskBox assemblyId={assembly.id} onAsked={putQuestion} /> : null}
        {phase === 'asking' && !isDonor && !isCharity ? (
          <View className='lrf-muted assembly-ask-who'>支持过这个梦想的人（哪怕一朵小红花）都可以提问和投票。</View>
        ) : null}
        {phase !== 'asking' ? (
          <View className='lrf-hint assembly-questions-closed' role='status'>
            {closed ? '大会已结束，提问和投票已截止' : `提问和投票已于 ${formatShanghaiTime(assembly.questionsCloseAt)} 截止`}
          </View>
        ) : null}
        {questions.length === 0 ? <View className='lrf-muted assembly-questions-empty'>还没有人提问</View> : null}
        {questions.map((q, index) => (
          <QuestionCard
            key={q.id}
            question={q}
            rank={index + 1}
            assemblyId={assembly.id}
            isDonor={isDonor}
            votingOpen={phase === 'asking'}
            isCharity={isCharity}
            assemblyClosed={closed}
            statement={statement}
            onChanged={putQuestion}
            onPromise={putPromise}
          />
        ))}
      </View>

      {isCharity && !closed ? (
        <View className='lrf-card'>
          <Text className='assembly-section-title'>发布纪要</Text>
          <MinutesForm assemblyId={assembly.id} questions={questions} onPublished={putAssembly} />
        </View>
      ) : null}
    </View>
  )
}
