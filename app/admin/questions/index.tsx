import { Button, Text, View } from '@tarojs/components'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { useAdminQueue } from '../../hooks/use-admin-queue'
import type { AnswerOf } from '../../../functions/contract'
import type { reportedQuestionsRoute } from '../../../functions/contract/assemblies'
import { formatShanghaiTime } from '../../utils/format'
import { getReportedQuestions, reviewQuestion } from './questions-api'
import { whyWaiting } from './why-waiting'
import '../admin.scss'
import './index.scss'

type Reported = AnswerOf<typeof reportedQuestionsRoute>['items'][number]
/** A waiting question as the paged list keys it (by the question). */
type Waiting = Reported & { id: string }
type Decision = 'restore' | 'remove'

const DONE_TOASTS: Record<Decision, string> = { restore: '已恢复显示', remove: '已移除' }

/**
 * Admin: questions of the donor assemblies hidden by donors' reports (or held by WeChat's text
 * check), waiting for a person's look. Restoring shows it again for good; removing hides it for
 * good. Either is audited, and an admin never judges a question they asked themselves.
 */
export default function ReportedQuestionsPage() {
  const { gate, list, busy, errors, settle } = useAdminQueue<Waiting>(async (cursor) => {
    const page = await getReportedQuestions(cursor, 20)
    return { ...page, items: page.items.map((item) => ({ ...item, id: item.question.id })) }
  })
  const decide = (waiting: Waiting, decision: Decision) => settle(waiting, () => reviewQuestion(waiting.id, { decision }), DONE_TOASTS[decision])

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>被举报的提问</Text>
        <Text className='admin-desc'>
          公益股东大会上被多位捐赠人举报（或微信内容检查要求人工复核）的提问，在你处理前只有提问人和管理员看得到。恢复后不会再因举报被隐藏；移除后永久隐藏。
        </Text>
      </View>
      {list.loaded && list.items.length === 0 && !list.loading && !list.error ? (
        <View className='lrf-empty reported-empty'>
          <Text>没有待处理的提问</Text>
        </View>
      ) : null}
      {list.items.map((waiting) => (
        <View key={waiting.id} className='lrf-card reported-item' aria-label={`提问：${waiting.question.text}`}>
          <Text className='reported-where'>「{waiting.assemblyTitle}」</Text>
          <Text className='reported-text' userSelect>
            {waiting.question.text}
          </Text>
          <Text className='lrf-muted'>
            {whyWaiting(waiting.question)} · {waiting.question.votes} 票 · {formatShanghaiTime(waiting.question.askedAt)}
          </Text>
          {errors[waiting.id] ? (
            <View className='lrf-error reported-error' role='alert'>
              {errors[waiting.id]}
            </View>
          ) : null}
          <View className='admin-actions'>
            <Button
              className='reported-restore'
              size='mini'
              type='primary'
              disabled={busy === waiting.id}
              aria-label={`恢复显示：${waiting.question.text}`}
              onClick={() => decide(waiting, 'restore')}
            >
              恢复显示
            </Button>
            <Button
              className='reported-remove'
              size='mini'
              type='warn'
              disabled={busy === waiting.id}
              aria-label={`移除：${waiting.question.text}`}
              onClick={() => decide(waiting, 'remove')}
            >
              移除
            </Button>
          </View>
        </View>
      ))}
      <ListFooter prefix='reported' list={list} end />
    </View>
  )
}
