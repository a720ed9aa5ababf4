import { useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { giveToDream } from '../../services/api'
import { askToSubscribe, preloadSubscribeTemplates } from '../../services/subscribe'
import { errorMessage, isApiError, isRetryable, toastError } from '../../services/request'
import { useIdempotentTap } from '../../hooks/use-idempotent-tap'
import type { Dream, DreamDetail, GiftResult } from '../../../functions/contract'
import { formatShanghaiDate, percent, formatMoney } from '../../utils/format'
import { FIELDS, intProblem } from '../../../functions/contract/fields'
import { sleep } from '../../utils/sleep'
import './index.scss'
import Icon from '../icon'
import DistributionsRow from './distributions-row'

const QUICK_PICKS = [1, 5, 10, 50]
// Automatic resends of one tap when no final answer came back (network error or 5xx).
const AUTO_RETRIES = 2

interface IntendedGift {
  flowers: number
  teamId?: string
  /** The dream as shown when this gift was first sent: its figures cannot include the gift yet. */
  base: Dream
  firstGift: boolean
}

/** One gift is one amount to one dream, alone or for one team: the figures shown are no part of it. */
const sameGift = (pending: IntendedGift, intended: IntendedGift) => pending.flowers === intended.flowers && pending.teamId === intended.teamId

/** What the page needs to show the dream right after a gift (see afterGift in utils/format). */
export interface GiftContext {
  base: Dream
  firstGift: boolean
}

export interface GiveBoxProps {
  /** Class prefix for the browser-test markers: `give` on the dream page, `team-give` on a team. */
  prefix: 'give' | 'team-give'
  dream: Dream
  /** Shown on the transparency panel. */
  proposerName: string | null
  charityName: string | null
  /** Its charity's letters so far (GET /dreams/{id} `feedback`); null before adoption. */
  feedback?: DreamDetail['feedback']
  /** false: the next gift is this person's first to this dream, so the panel comes first. */
  hasGiven: boolean
  balance: number | null
  teamId?: string
  onGiven: (res: GiftResult, gift: GiftContext) => void
  /** The server said no for a reason that makes the page's data stale (balance, dream status). */
  onStale?: () => void
}

/** Quick picks, a custom amount, the balance and the give button, with the 冷静器 before a first gift. */
export default function GiveBox(props: GiveBoxProps) {
  const { prefix, dream, proposerName, charityName, feedback = null, hasGiven, balance, teamId, onGiven, onStale } = props
  const [pick, setPick] = useState<number>(QUICK_PICKS[0])
  const [custom, setCustom] = useState('')
  const [panelOpen, setPanelOpen] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState('')
  const [result, setResult] = useState<GiftResult | null>(null)

  const sendingRef = useRef(false)
  // The panel was confirmed on this page: a retried first gift does not ask again.
  const confirmedRef = useRef(false)
  // A tap that got no final answer: the next tap with the same amount resends it under the same key.
  const giftTap = useIdempotentTap(sameGift)

  const customTrimmed = custom.trim()
  const amount = customTrimmed ? (/^\d{1,6}$/.test(customTrimmed) ? Number(customTrimmed) : NaN) : pick
  const amountValid = intProblem(amount, FIELDS.giftFlowers) === null
  const overBalance = amountValid && balance !== null && amount > balance
  // What this person could actually give now: the match line promises only that much.
  const givable = balance === null ? amount : Math.min(amount, balance)
  // A gift the ledger would refuse (over the balance, or nothing to give) is never sent.
  const blocked = overBalance || balance === 0

  const send = async (flowers: number) => {
    if (sendingRef.current) return
    sendingRef.current = true
    setSending(true)
    setError('')
    setResult(null)
    try {
      const { res, gift } = await giftTap.run({ payload: { flowers, teamId, base: dream, firstGift: !hasGiven } }, async ({ key, payload }) => {
        for (let i = 0; ; i++) {
          try {
            return { res: await giveToDream(dream.id, teamId ? { flowers, teamId } : { flowers }, key), gift: payload }
          } catch (err) {
            if (!isRetryable(err) || i >= AUTO_RETRIES) throw err
            await sleep(600 * (i + 1))
          }
        }
      })
      setResult(res)
      setCustom('')
      Taro.showToast({ title: `已送出 ${flowers} 朵小红花`, icon: 'success' })
      onGiven(res, { base: gift.base, firstGift: gift.firstGift })
    } catch (err) {
      // An unanswered tap keeps its key (useIdempotentTap): tapping again finishes this gift, never a second one.
      const message = errorMessage(err, '送花失败，请稍后重试')
      setError(isRetryable(err) ? `${message}（再点一次会接着送出这一笔，不会重复扣花）` : message)
      toastError(err, message)
      if (isApiError(err, 'INSUFFICIENT_FLOWERS') || isApiError(err, 'DREAM_NOT_ACCEPTING')) onStale?.()
    } finally {
      sendingRef.current = false
      setSending(false)
    }
  }

  useEffect(() => preloadSubscribeTemplates(), [])

  const onSubmit = () => {
    if (sendingRef.current) return
    // In the tap itself (WeChat opens the prompt only there): tell me when it is reached, and its letters.
    if (amountValid && (hasGiven || confirmedRef.current)) askToSubscribe(['dream_executable', 'letter'])
    if (!amountValid) {
      Taro.showToast({ title: `请输入 ${FIELDS.giftFlowers.min}–${FIELDS.giftFlowers.max} 之间的整数`, icon: 'none' })
      return
    }
    if (blocked) return
    if (!hasGiven && !confirmedRef.current) {
      setPanelOpen(true)
      return
    }
    send(amount)
  }

  const onConfirm = () => {
    askToSubscribe(['dream_executable', 'letter'])
    setPanelOpen(false)
    confirmedRef.current = true
    send(amount)
  }

  const pct = percent(dream.flowersRaised, dream.targetFlowers)

  return (
    <View className={`gb-box ${prefix}-box`}>
      <View className='gb-box-head'>
        <Text className='gb-box-title'>送出小红花</Text>
        <Text className={`gb-box-balance ${prefix}-balance`}>
          我的余额 <Text className={`${prefix}-balance-value`}>{balance === null ? '-' : balance}</Text> 朵
        </Text>
      </View>

      <View className='gb-picks'>
        {QUICK_PICKS.map((n) => (
          <View
            key={n}
            className={`gb-pick ${prefix}-pick-${n} ${!customTrimmed && pick === n ? 'gb-pick-active' : ''}`}
            onClick={() => {
              setPick(n)
              setCustom('')
            }}
          >
            {n} 朵
          </View>
        ))}
      </View>

      <Input
        className={`gb-custom-input ${prefix}-custom`}
        type='number'
        maxlength={String(FIELDS.giftFlowers.max).length}
        placeholder='自定义数量'
        value={custom}
        onInput={(e) => setCustom(e.detail.value)}
      />

      {customTrimmed && !amountValid ? (
        <View className='gb-hint'>
          请输入 {FIELDS.giftFlowers.min}–{FIELDS.giftFlowers.max} 之间的整数
        </View>
      ) : null}
      {overBalance ? (
        <View className={`gb-hint ${prefix}-over-balance`}>
          {balance ? `超过了你的小红花余额，最多可送 ${balance} 朵` : '你还没有小红花，先去捐步或答题吧'}
        </View>
      ) : null}
      {dream.matchFund && amountValid && givable > 0 ? (
        <View className={`gb-match-hint ${prefix}-match`}>
          <Icon name='match' size={32} label='' /> {matchHint(dream, givable)}
        </View>
      ) : null}

      <Button
        className={`lrf-button gb-button ${prefix}-submit`}
        disabled={sending || (amountValid && blocked) || undefined}
        aria-disabled={amountValid && blocked ? 'true' : undefined}
        onClick={onSubmit}
      >
        {sending ? '正在送出…' : amountValid ? `送出 ${amount} 朵小红花` : '送出小红花'}
      </Button>

      {result ? (
        <View className={`gb-result ${prefix}-result`}>
          <Text>
            已送出 {result.donation.flowers} 朵，余额 {result.balance} 朵
          </Text>
          {result.donation.matchedFen ? (
            <Text className='gb-result-match'>
              {dream.matchFund?.sponsorName || '爱心企业'}为你配捐 {formatMoney(result.donation.matchedFen)}
            </Text>
          ) : null}
        </View>
      ) : null}
      {error ? <View className={`gb-error ${prefix}-error`}>{error}</View> : null}

      {panelOpen ? (
        <View className='transparency-mask' catchMove>
          <View className='transparency-panel'>
            <Text className='transparency-title'>送花之前，先看看这个梦想</Text>
            <Text className='transparency-sub'>这是你第一次支持「{dream.title}」，了解清楚再送出吧。</Text>

            <View className='transparency-row'>
              <Text className='transparency-label'>谁在做</Text>
              <View className='transparency-value'>
                <Text className='transparency-proposer'>提出人：{proposerName || '爱心用户'}</Text>
                <Text className='transparency-charity'>执行机构：{charityName || '暂无认领机构'}</Text>
              </View>
            </View>
            <View className='transparency-row'>
              <Text className='transparency-label'>何时开始</Text>
              <Text className='transparency-value transparency-started'>
                {dream.openedAt
                  ? `${formatShanghaiDate(dream.openedAt)} 审核通过开始募集（${formatShanghaiDate(dream.createdAt)} 提出）`
                  : `${formatShanghaiDate(dream.createdAt)} 提出`}
              </Text>
            </View>
            <View className='transparency-row'>
              <Text className='transparency-label'>进展</Text>
              <Text className='transparency-value transparency-progress'>
                已筹 {dream.flowersRaised} / {dream.targetFlowers} 朵（{pct}%），{dream.donorCount} 人支持
              </Text>
            </View>
            <View className='transparency-row'>
              <Text className='transparency-label'>小红花来信</Text>
              <Text className='transparency-value transparency-letters'>
                {feedback && feedback.letters > 0
                  ? `已发布 ${feedback.letters} 封，最近一封 ${feedback.lastLetterAt ? formatShanghaiDate(feedback.lastLetterAt) : ''}${feedback.overdue ? '（逾期未反馈）' : ''}`
                  : '暂无小红花来信（梦想被公益机构认领后，机构按月来信告诉你每一分钱的去向）'}
              </Text>
            </View>
            {dream.adoptedAt ? <DistributionsRow dreamId={dream.id} /> : null}

            <View className='transparency-actions'>
              <Button className='lrf-button-plain transparency-cancel' onClick={() => setPanelOpen(false)}>
                再想想
              </Button>
              <Button className='lrf-button transparency-confirm' onClick={onConfirm}>
                确认送出 {amount} 朵
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** What the sponsor would add to this gift, as far as the page knows (the server decides on each gift). */
function matchHint(dream: Dream, amount: number): string {
  const fund = dream.matchFund!
  const leftFen = Math.max(0, fund.budgetFen - (dream.matchedFen ?? 0))
  if (leftFen === 0) return `${fund.sponsorName}的配捐额度已用完，感谢每一朵小红花`
  const wantFen = amount * fund.fenPerFlower
  return `${fund.sponsorName}将为这 ${amount} 朵配捐约 ${formatMoney(Math.min(wantFen, leftFen))}${wantFen > leftFen ? '（配捐额度只剩这些）' : ''}`
}
