import { useCallback, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { answerQuiz, getQuizToday } from '../../services/earning-api'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { ApiError, errorMessage, isApiError, isRetryable, newIdempotencyKey, toastError } from '../../services/request'
import type { QuizQuestion, QuizToday } from '../../../functions/contract'
import './index.scss'
import Icon from '../../components/icon'

// The contract's default: a correct answer earns 2 flowers (the answer itself says how many).
const FLOWERS_PER_CORRECT = 2
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']

type Mode = 'question' | 'summary'

function firstUnanswered(questions: QuizQuestion[]): number {
  return questions.findIndex((q) => !q.answered)
}

export default function QuizPage() {
  const [quiz, setQuiz] = useState<QuizToday | null>(null)
  const [loading, setLoading] = useState(false)
  const [loadError, setLoadError] = useState('')
  const [index, setIndex] = useState(0)
  const [mode, setMode] = useState<Mode>('question')
  const [answering, setAnswering] = useState<string | null>(null)
  // Flowers the server reported per question answered in this visit.
  const [earned, setEarned] = useState<Record<string, number>>({})
  // The right option of each question answered wrongly in this visit (the answer names it; today's list never does).
  const [rightChoices, setRightChoices] = useState<Record<string, number>>({})

  const answeringRef = useRef(false)
  // An answer tap that got no final reply (network/5xx) is resent with the same key.
  const pendingKeysRef = useRef<Record<string, string>>({})
  const loadedOnceRef = useRef(false)
  const quizRef = useRef<QuizToday | null>(null)

  /** keepPlace: stay on the current question (after a 409), otherwise jump to the first open one. */
  const load = useCallback(async (keepPlace: boolean) => {
    setLoading(true)
    try {
      const today = await getQuizToday()
      // A new day (or the first load) starts at the first unanswered question.
      const prev = quizRef.current
      if (!keepPlace || !prev || prev.date !== today.date) {
        const open = firstUnanswered(today.questions)
        setIndex(open === -1 ? 0 : open)
        setMode(open === -1 && today.questions.length > 0 ? 'summary' : 'question')
      }
      quizRef.current = today
      setQuiz(today)
      setLoadError('')
      loadedOnceRef.current = true
    } catch (err) {
      setLoadError(errorMessage(err, '题目加载失败，请稍后重试'))
      toastError(err)
    } finally {
      setLoading(false)
    }
  }, [])

  usePageRefresh((trigger) => load(trigger === 'pull' || loadedOnceRef.current))

  const onChoose = async (question: QuizQuestion, choice: number) => {
    if (question.answered || answeringRef.current) return
    answeringRef.current = true
    setAnswering(question.id)
    const pendingId = `${question.id}:${choice}`
    const key = pendingKeysRef.current[pendingId] || newIdempotencyKey()
    pendingKeysRef.current[pendingId] = key
    try {
      const res = await answerQuiz(question.id, choice, key)
      delete pendingKeysRef.current[pendingId]
      setEarned((prev) => ({ ...prev, [question.id]: res.flowers }))
      const rightChoice = res.correctChoice
      if (rightChoice !== undefined) setRightChoices((prev) => ({ ...prev, [question.id]: rightChoice }))
      const prev = quizRef.current
      if (prev) {
        const next: QuizToday = {
          ...prev,
          questions: prev.questions.map((q) => (q.id === question.id ? { ...q, answered: { choice, correct: res.correct, explanation: res.explanation } } : q)),
        }
        quizRef.current = next
        setQuiz(next)
      }
      if (res.correct) Taro.showToast({ title: `+${res.flowers} 朵小红花`, icon: 'success' })
    } catch (err) {
      if (!isRetryable(err)) delete pendingKeysRef.current[pendingId]
      if (isApiError(err, 'ALREADY_ANSWERED')) {
        // Answered elsewhere (another device or an earlier tap): show what is stored.
        Taro.showToast({ title: errorMessage(err), icon: 'none' })
        await load(true)
      } else if (err instanceof ApiError && err.status === 404) {
        // Not in today's set any more (the day turned over): start today's questions.
        Taro.showToast({ title: '题目已更新，请重新作答', icon: 'none' })
        await load(false)
      } else {
        toastError(err, '提交失败，请稍后重试')
      }
    } finally {
      answeringRef.current = false
      setAnswering(null)
    }
  }

  const questions = quiz?.questions ?? []
  const answeredCount = questions.filter((q) => q.answered).length
  const correctCount = questions.filter((q) => q.answered?.correct).length
  const flowersToday = questions.reduce((sum, q) => sum + (q.answered?.correct ? (earned[q.id] ?? FLOWERS_PER_CORRECT) : 0), 0)
  const allAnswered = questions.length > 0 && answeredCount === questions.length

  const summary = (
    <View className='lrf-card quiz-summary'>
      {allAnswered ? (
        <View className='lrf-icon-title'>
          <Icon name='celebrate' size={40} label='' />
          <Text className='quiz-summary-title'>今日答题完成</Text>
        </View>
      ) : (
        <Text className='quiz-summary-title'>今日答题进度</Text>
      )}
      <Text className='quiz-summary-line'>
        答对 <Text className='quiz-summary-correct'>{correctCount}</Text> / {questions.length} 题
      </Text>
      <Text className='quiz-summary-line'>
        今日答题获得 <Text className='quiz-summary-flowers'>{flowersToday}</Text> 朵小红花
      </Text>
      {allAnswered ? <Text className='lrf-muted quiz-summary-tomorrow'>明天还有新题目，记得再来哦</Text> : null}
    </View>
  )

  if (!quiz) {
    return (
      <View className='quiz'>
        {loadError ? (
          <View className='lrf-empty quiz-error'>
            <Icon name='sad' className='lrf-empty-icon' size={96} />
            <Text>{loadError}</Text>
            <Button className='lrf-button-plain quiz-retry' onClick={() => load(false)}>
              重试
            </Button>
          </View>
        ) : (
          <View className='lrf-hint quiz-loading'>{loading ? '题目加载中…' : ''}</View>
        )}
      </View>
    )
  }

  if (questions.length === 0) {
    return (
      <View className='quiz'>
        <View className='lrf-empty quiz-empty'>
          <Icon name='quiz' className='lrf-empty-icon' size={96} />
          <Text>今天还没有题目，晚点再来看看吧</Text>
        </View>
      </View>
    )
  }

  if (mode === 'summary') {
    return (
      <View className='quiz'>
        {summary}
        <View className='lrf-card quiz-review-list'>
          {questions.map((q, i) => (
            <View key={q.id} className='quiz-review-item'>
              <Text className='quiz-review-index'>{i + 1}.</Text>
              <Text className='quiz-review-prompt'>{q.prompt}</Text>
              <View className={`quiz-review-mark ${q.answered?.correct ? 'quiz-review-correct' : 'quiz-review-wrong'}`}>
                {q.answered ? (
                  q.answered.correct ? (
                    <Icon name='check' size={32} color='#389e0d' label='答对' />
                  ) : (
                    <Icon name='cross' size={32} label='答错' />
                  )
                ) : (
                  '未答'
                )}
              </View>
            </View>
          ))}
        </View>
        <View className='quiz-actions'>
          <Button
            className='lrf-button-plain quiz-review'
            onClick={() => {
              setIndex(0)
              setMode('question')
            }}
          >
            回看题目
          </Button>
          <Button className='lrf-button quiz-home' onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
            回到首页
          </Button>
        </View>
      </View>
    )
  }

  const safeIndex = Math.min(index, questions.length - 1)
  const question = questions[safeIndex]
  const answered = question.answered ?? null
  const isLast = safeIndex === questions.length - 1
  const rightChoice: number | undefined = rightChoices[question.id]

  const onNext = () => {
    if (isLast) {
      if (allAnswered) {
        setMode('summary')
      } else {
        // Went back to review: continue with whatever is still open.
        const open = firstUnanswered(questions)
        setIndex(open === -1 ? 0 : open)
      }
      return
    }
    setIndex(safeIndex + 1)
  }

  return (
    <View className='quiz'>
      <View className='quiz-progress'>
        <Text className='quiz-progress-text'>
          第 {safeIndex + 1} / {questions.length} 题
        </Text>
        <View className='quiz-dots'>
          {questions.map((q, i) => (
            <View
              key={q.id}
              className={`quiz-dot ${i === safeIndex ? 'quiz-dot-current' : ''} ${
                q.answered ? (q.answered.correct ? 'quiz-dot-correct' : 'quiz-dot-wrong') : ''
              }`}
            />
          ))}
        </View>
      </View>

      <View className='lrf-card quiz-question' key={question.id}>
        <Text className='quiz-prompt'>{question.prompt}</Text>
        <View className='quiz-choices'>
          {question.choices.map((choice, i) => {
            let state = ''
            if (answered && answered.choice === i) state = answered.correct ? 'quiz-choice-correct' : 'quiz-choice-wrong'
            else if (answered && !answered.correct && rightChoice === i) state = 'quiz-choice-correct quiz-choice-right'
            else if (answered) state = 'quiz-choice-disabled'
            return (
              <View key={i} className={`quiz-choice ${state} ${answering === question.id ? 'quiz-choice-busy' : ''}`} onClick={() => onChoose(question, i)}>
                <Text className='quiz-choice-letter'>{LETTERS[i] || i + 1}</Text>
                <Text className='quiz-choice-text'>{choice}</Text>
              </View>
            )
          })}
        </View>

        {answering === question.id ? <View className='lrf-hint quiz-submitting'>正在提交…</View> : null}

        {answered ? (
          <View className={`quiz-result ${answered.correct ? 'quiz-result-correct' : 'quiz-result-wrong'}`}>
            <Text className='quiz-verdict'>{answered.correct ? `回答正确 +${earned[question.id] ?? FLOWERS_PER_CORRECT} 朵小红花` : '回答错误'}</Text>
            {!answered.correct && rightChoice !== undefined ? (
              <Text className='quiz-right-answer'>
                正确答案：{LETTERS[rightChoice] || rightChoice + 1}. {question.choices[rightChoice]}
              </Text>
            ) : null}
            <Text className='quiz-explanation'>{answered.explanation}</Text>
          </View>
        ) : null}

        {answered ? (
          <Button className='lrf-button quiz-next' onClick={onNext}>
            {isLast ? (allAnswered ? '查看今日成绩' : '继续答题') : '下一题'}
          </Button>
        ) : null}
      </View>

      {isLast && allAnswered ? summary : null}
    </View>
  )
}
