import { Button, Text, View } from '@tarojs/components'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { useAdminQueue } from '../../hooks/use-admin-queue'
import type { HeldTextView } from '../../../functions/contract'
import { formatShanghaiTime } from '../../utils/format'
import { getHeldTexts, reviewHeldText } from './held-api'
import '../admin.scss'

const KIND_LABELS: Record<HeldTextView['kind'], string> = {
  dream: '梦想',
  team: '队伍名',
  store: '店铺',
  letter: '来信',
  distribution: '物资发放',
  assembly: '股东大会',
  question: '股东提问',
  answer: '机构回答',
  minutes: '会议纪要',
}

/** Admin: texts WeChat's check asked a person to look at (or could not check), to clear or remove. */
export default function HeldPage() {
  const { gate, list, busy, errors, settle } = useAdminQueue<HeldTextView>((cursor) => getHeldTexts(cursor, 20))
  const decide = (held: HeldTextView, decision: 'approve' | 'reject') =>
    settle(held, () => reviewHeldText(held.id, { decision }), decision === 'approve' ? '已放行' : '已移除')

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>待审内容</Text>
        <Text className='admin-desc'>微信内容安全检查要求人工复核（或暂时无法检查）的文字。放行前，除作者和管理员外谁也看不到。</Text>
      </View>
      {list.loaded && list.items.length === 0 && !list.loading && !list.error ? (
        <View className='lrf-empty held-empty'>
          <Text>没有待审内容</Text>
        </View>
      ) : null}
      {list.items.map((held) => (
        <View key={held.id} className='lrf-card held-item'>
          <Text className='store-name'>{KIND_LABELS[held.kind]}</Text>
          <Text className='held-text' userSelect>
            {held.text}
          </Text>
          <Text className='lrf-muted'>
            作者 {held.writerId} · {formatShanghaiTime(held.createdAt)}
          </Text>
          {errors[held.id] ? <Text className='lrf-error held-error'>{errors[held.id]}</Text> : null}
          <View className='admin-actions'>
            <Button size='mini' type='primary' disabled={busy === held.id} onClick={() => decide(held, 'approve')}>
              放行
            </Button>
            <Button size='mini' type='warn' disabled={busy === held.id} onClick={() => decide(held, 'reject')}>
              移除
            </Button>
          </View>
        </View>
      ))}
      <ListFooter prefix='held' list={list} end />
    </View>
  )
}
