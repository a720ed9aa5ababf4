import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import LogBadge from '../../components/log-badge'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getLedger } from '../../services/api'
import { API_BASE, errorMessage } from '../../services/request'
import { getLogCheckpoint } from '../../services/public-log'
import { checkCheckpoint, type CheckpointCheck } from '../../services/public-log-verify'
import type { LedgerEntry } from '../../../functions/contract'
import { formatShanghaiTime } from '../../utils/format'
import './index.scss'

// This person's gifts come from their own bill: a few pages of it are enough for one dream's page.
const LEDGER_PAGE = 50
const LEDGER_PAGES = 4

/** This person's gifts to one dream, newest first, from the first pages of their bill. */
async function myGiftsTo(dreamId: string): Promise<LedgerEntry[]> {
  const gifts: LedgerEntry[] = []
  let cursor: string | null = null
  for (let i = 0; i < LEDGER_PAGES; i++) {
    const page = await getLedger(cursor, LEDGER_PAGE)
    gifts.push(...page.items.filter((entry) => entry.reason === 'dream_donation' && entry.refId === dreamId))
    cursor = page.nextCursor
    if (!cursor) break
  }
  return gifts
}

/**
 * 公开账本 for one dream: the log's latest checkpoint (checked on the phone), how anyone can check
 * the whole log, and this person's own gifts to the dream with their receipts. The log has no
 * per-dream index, so other people's gifts are found by reading the whole log (the script), not here.
 */
export default function DreamLogPage() {
  const { params } = useRouter()
  const dreamId = params.id ? decodeURIComponent(params.id) : ''
  const [checkpoint, setCheckpoint] = useState<CheckpointCheck | null>(null)
  const [gifts, setGifts] = useState<LedgerEntry[] | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    try {
      const [note, mine] = await Promise.all([getLogCheckpoint(), myGiftsTo(dreamId)])
      setCheckpoint(checkCheckpoint(note))
      setGifts(mine)
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [dreamId])

  usePageRefresh(load)

  if (!dreamId || error || !checkpoint || !gifts) {
    return <PageState root='dream-log' missing={dreamId ? null : '这个梦想不存在或暂未公开'} error={error} onRetry={load} />
  }

  return (
    <View className='dream-log'>
      <View className='lrf-card dream-log-checkpoint'>
        <Text className='dream-log-title'>最新账本快照</Text>
        {checkpoint.ok ? (
          <View className='dream-log-checkpoint-ok' aria-label={`签名已验证，账本共 ${checkpoint.checkpoint.size} 条，${checkpoint.cosigners} 个见证方联署`}>
            <Text className='dream-log-line'>✓ 签名已验证 · 账本共 {checkpoint.checkpoint.size} 条</Text>
            <Text className='dream-log-line dream-log-witnesses'>{checkpoint.cosigners} 个见证方联署</Text>
          </View>
        ) : (
          <View className='dream-log-line dream-log-checkpoint-bad' role='alert'>
            ✗ 账本快照的签名不对
          </View>
        )}
      </View>

      <View className='lrf-card dream-log-how'>
        <Text className='dream-log-title'>任何人都能核对</Text>
        <Text className='lrf-muted dream-log-line'>每一笔捐赠都写进只增不改的公开账本，账本快照由平台签名、见证方联署。</Text>
        <Text className='lrf-muted dream-log-line dream-log-command' userSelect>
          不用登录，运行 npm run verify-log -- --url {API_BASE} 即可重算整本账和每个梦想的小红花数。
        </Text>
      </View>

      <View className='lrf-card dream-log-mine'>
        <Text className='dream-log-title'>我给这个梦想的捐赠</Text>
        {gifts.length === 0 ? (
          <Text className='lrf-muted dream-log-empty'>你最近还没有给这个梦想送过小红花</Text>
        ) : (
          gifts.map((entry) => (
            <View key={entry.id} className='dream-log-gift'>
              <View className='dream-log-gift-main'>
                <Text className='dream-log-gift-flowers'>{-entry.delta} 朵小红花</Text>
                <Text className='lrf-muted dream-log-gift-time'>{formatShanghaiTime(entry.createdAt)}</Text>
              </View>
              <LogBadge gift={{ ref: entry.id, flowers: -entry.delta, dream: dreamId }} />
            </View>
          ))
        )}
      </View>
    </View>
  )
}
