import { useCallback, useRef, useState } from 'react'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { shareTitle } from '../../utils/share'
import GiveBox, { type GiftContext } from '../../components/give-box'
import LogBadge from '../../components/log-badge'
import { dreamLogPageUrl } from '../../services/public-log'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getDream, getMe, joinTeam, startTeam } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { ApiError, errorMessage, isApiError, toastError } from '../../services/request'
import type { DreamDetail, GiftResult, LetterView } from '../../../functions/contract'
import {
  acceptsFlowers,
  afterGift,
  categoryLabel,
  dreamStatusLabel,
  formatShanghaiDate,
  formatShanghaiTime,
  freshestDream,
  mergeDreamDetail,
  percent,
  formatMoney,
} from '../../utils/format'
import { FIELDS, textProblem } from '../../../functions/contract/fields'
import './index.scss'
import PageState from '../../components/page-state'
import { getDreamLetters } from '../../services/dream-letters'
import Icon from '../../components/icon'
import DreamAssemblyStrip from '../../components/dream-assembly-strip'
import DistributionProgress from '../../components/distribution-progress'

// GET /dreams/{id} may answer totals up to a second old.
const RELOAD_AFTER_GIFT_MS = 1200

const CLOSED_TEXT: Record<string, string> = {
  adopted: '这个梦想已由公益机构认领，正在执行中，感谢每一朵小红花。',
  completed: '这个梦想已经实现啦，感谢每一朵小红花。',
  in_review: '这个梦想正在审核中，通过后大家就能支持它了。',
  rejected: '这个梦想没有通过审核。',
}

export default function DreamDetailPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''

  const [detail, setDetail] = useState<DreamDetail | null>(null)
  const [timeline, setTimeline] = useState<LetterView[] | null>(null)
  const [timelineError, setTimelineError] = useState('')
  const [error, setError] = useState('')
  const [notFound, setNotFound] = useState(false)
  const [balance, setBalance] = useState<number | null>(null)
  // The gift just sent here, whose place in the public log shows under the give box.
  const [lastGift, setLastGift] = useState<GiftResult['donation'] | null>(null)

  const [teamName, setTeamName] = useState('')
  const [joinCode, setJoinCode] = useState('')
  const [teamBusy, setTeamBusy] = useState<'start' | 'join' | null>(null)
  const teamBusyRef = useRef(false)

  // Bumped by every gift: a reload sent before a gift must not overwrite what the gift returned.
  const generationRef = useRef(0)

  const load = useCallback(async () => {
    if (!id) {
      setNotFound(true)
      return
    }
    const generation = generationRef.current
    const [dreamResult, meResult] = await Promise.all([
      getDream(id).then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({ ok: false as const, err }),
      ),
      getMe().then(
        (me) => me.flowers.balance,
        () => null,
      ),
    ])
    if (generation !== generationRef.current) return
    if (meResult !== null) setBalance(meResult)
    if (dreamResult.ok) {
      setDetail((prev) => mergeDreamDetail(prev, dreamResult.value))
      setError('')
      setNotFound(false)
      // Adopted: the charity's public timeline of letters and field updates.
      if (dreamResult.value.feedback) {
        getDreamLetters(id).then(
          (page) => {
            setTimeline(page.items)
            setTimelineError('')
          },
          (err: unknown) => setTimelineError(errorMessage(err)),
        )
      }
      Taro.setNavigationBarTitle({ title: dreamResult.value.dream.title }).catch(() => undefined)
    } else {
      const err = dreamResult.err
      if (err instanceof ApiError && err.status === 404) {
        setNotFound(true)
      } else {
        setError(errorMessage(err))
        toastError(err)
      }
    }
  }, [id])

  usePageRefresh(load)

  // A held dream's title waits for an admin: the share shows a fixed title instead.
  const dreamShareTitle = () => shareTitle(detail?.dream.title, !detail?.dream.held, (title) => `一起帮「${title}」实现梦想`, '一花一梦想')
  useShareAppMessage(() => ({
    title: dreamShareTitle(),
    path: `/pages/dream-detail/index?id=${encodeURIComponent(id)}`,
  }))
  // 朋友圈 opens the page with this query.
  useShareTimeline(() => ({ title: dreamShareTitle(), query: `id=${encodeURIComponent(id)}` }))

  const onGiven = (res: GiftResult, gift: GiftContext) => {
    generationRef.current++
    setBalance(res.balance)
    setLastGift(res.donation)
    setDetail((prev) =>
      prev
        ? {
            ...prev,
            dream: freshestDream(prev.dream, afterGift(gift.base, res.dream, res.donation, gift.firstGift)),
            viewer: { hasGiven: true },
          }
        : prev,
    )
    // The recent-donor list comes from a fresh read, once the API's briefly cached totals caught up.
    setTimeout(() => load(), RELOAD_AFTER_GIFT_MS)
  }

  const onStale = () => {
    generationRef.current++
    load()
  }

  const openTeam = (teamId: string) => {
    Taro.navigateTo({ url: `/pages/team/index?id=${encodeURIComponent(teamId)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const onStartTeam = async () => {
    if (teamBusyRef.current || !detail) return
    const name = teamName.trim()
    if (textProblem(name, FIELDS.teamName)) {
      Taro.showToast({ title: `先给队伍起个名字（${FIELDS.teamName.min}–${FIELDS.teamName.max} 个字）`, icon: 'none', duration: 2500 })
      return
    }
    teamBusyRef.current = true
    setTeamBusy('start')
    try {
      const { team } = await startTeam(detail.dream.id, name)
      setTeamName('')
      Taro.showToast({ title: '队伍已创建', icon: 'success' })
      openTeam(team.id)
    } catch (err) {
      toastError(err, '创建队伍失败，请稍后重试')
      if (isApiError(err, 'DREAM_NOT_ACCEPTING')) onStale()
    } finally {
      teamBusyRef.current = false
      setTeamBusy(null)
    }
  }

  const onJoinTeam = async () => {
    if (teamBusyRef.current) return
    const code = joinCode.trim().toUpperCase()
    if (!/^[A-Z0-9]{6}$/.test(code)) {
      Taro.showToast({ title: '队伍口令是 6 位字母或数字', icon: 'none' })
      return
    }
    teamBusyRef.current = true
    setTeamBusy('join')
    try {
      const { team } = await joinTeam(code)
      setJoinCode('')
      Taro.showToast({ title: '已加入队伍', icon: 'success' })
      openTeam(team.id)
    } catch (err) {
      toastError(err, '加入队伍失败，请稍后重试')
    } finally {
      teamBusyRef.current = false
      setTeamBusy(null)
    }
  }

  if (notFound || !detail) {
    return <PageState root='dream-detail' missing={notFound ? '这个梦想不存在或暂未公开' : null} error={error} onRetry={load} />
  }

  const { dream, proposer, charity, recentDonors } = detail
  const pct = percent(dream.flowersRaised, dream.targetFlowers)
  const open = acceptsFlowers(dream.status)
  const me = getStoredUser()
  const isProposer = Boolean(me && me.id === dream.proposerId)
  const hasGiven = Boolean(detail.viewer?.hasGiven)

  return (
    <View className='dream-detail'>
      {dream.coverUrl ? <Image className='dream-detail-cover' src={dream.coverUrl} mode='aspectFill' /> : null}

      <View className='lrf-card dream-detail-card'>
        <View className='dream-detail-head'>
          <Text className='dream-detail-category'>{categoryLabel(dream.category)}</Text>
          <Text className={`dream-detail-status dream-detail-status-${dream.status}`}>{dreamStatusLabel(dream.status)}</Text>
        </View>
        <Text className='dream-detail-title'>{dream.title}</Text>

        <View className='dream-ring-row'>
          <View className='dream-ring' style={{ background: `conic-gradient(#e64340 ${pct * 3.6}deg, #f6e3e1 ${pct * 3.6}deg)` }}>
            <View className='dream-ring-inner'>
              <Text className='dream-ring-percent'>{pct}%</Text>
              <View className='dream-ring-numbers'>
                <Text className='dream-raised'>{dream.flowersRaised}</Text>
                <Text className='dream-ring-slash'> / </Text>
                <Text className='dream-target'>{dream.targetFlowers}</Text>
              </View>
              <Text className='dream-ring-unit'>朵小红花</Text>
            </View>
          </View>
          <View className='dream-facts'>
            <Text className='dream-donors'>{dream.donorCount} 人支持</Text>
            {dream.beneficiaries ? <Text className='dream-fact dream-beneficiaries'>可帮助 {dream.beneficiaries} 人</Text> : null}
            {dream.flowersLast24h ? <Text className='dream-fact'>近 24 小时 +{dream.flowersLast24h} 朵</Text> : null}
            <Text className='dream-fact'>发起于 {formatShanghaiDate(dream.createdAt)}</Text>
          </View>
        </View>

        {dream.matchFund ? (
          <View className='dream-match'>
            <Icon name='match' size={32} label='' /> {dream.matchFund.sponsorName} 每朵花配捐 {formatMoney(dream.matchFund.fenPerFlower)}，已配捐{' '}
            {formatMoney(dream.matchedFen ?? 0)}
          </View>
        ) : null}

        {(dream.status === 'in_review' || dream.status === 'rejected') && isProposer && dream.reviewNote ? (
          <View className='dream-review-note'>审核意见：{dream.reviewNote}</View>
        ) : null}
      </View>

      <View className='lrf-card dream-give-card'>
        {open ? (
          <GiveBox
            prefix='give'
            dream={dream}
            proposerName={proposer?.nickname ?? null}
            charityName={charity?.nickname ?? null}
            feedback={detail.feedback}
            hasGiven={hasGiven}
            balance={balance}
            onGiven={onGiven}
            onStale={onStale}
          />
        ) : (
          <View className='give-closed'>{CLOSED_TEXT[dream.status] || '这个梦想现在不接受小红花'}</View>
        )}
        {lastGift ? <LogBadge key={lastGift.id} gift={{ ref: lastGift.id, flowers: lastGift.flowers, dream: dream.id }} /> : null}
        <View
          className='dream-log-link'
          role='link'
          aria-label='公开账本：查看账本快照和我的捐赠记录'
          onClick={() => Taro.navigateTo({ url: dreamLogPageUrl(dream.id) }).catch(() => undefined)}
        >
          公开账本 ›
        </View>
      </View>

      {open ? (
        <View className='lrf-card dream-team-card'>
          <Text className='dream-section-title'>一起捐</Text>
          <Text className='lrf-muted dream-team-desc'>约上朋友组队支持这个梦想，看看谁送出的小红花最多。</Text>
          <View className='dream-team-row'>
            <Input
              className='dream-team-input team-name'
              type='text'
              placeholder={`给队伍起个名字（${FIELDS.teamName.min}–${FIELDS.teamName.max} 字）`}
              maxlength={FIELDS.teamName.max * 2}
              value={teamName}
              onInput={(e) => setTeamName(e.detail.value)}
            />
            <Button className='lrf-button dream-team-button team-start' disabled={teamBusy !== null || undefined} onClick={onStartTeam}>
              {teamBusy === 'start' ? '创建中…' : '发起一起捐'}
            </Button>
          </View>
          <View className='dream-team-row'>
            <Input
              className='dream-team-input team-join-code'
              type='text'
              placeholder='输入 6 位队伍口令'
              maxlength={FIELDS.teamCodeLength}
              value={joinCode}
              onInput={(e) => setJoinCode(e.detail.value)}
            />
            <Button className='lrf-button-plain dream-team-button team-join-submit' disabled={teamBusy !== null || undefined} onClick={onJoinTeam}>
              {teamBusy === 'join' ? '加入中…' : '加入队伍'}
            </Button>
          </View>
        </View>
      ) : null}

      <DistributionProgress dreamId={dream.id} />
      {dream.charityId ? <DreamAssemblyStrip dreamId={dream.id} /> : null}
      {detail.feedback ? (
        <View className='lrf-card dream-letters-card'>
          <View className='dream-letters-head'>
            <Text className='dream-section-title'>小红花来信</Text>
            {detail.feedback.overdue ? <Text className='dream-letters-overdue'>逾期未反馈</Text> : null}
          </View>
          <Text className='lrf-muted dream-letters-summary'>
            {detail.feedback.letters > 0
              ? `已发布 ${detail.feedback.letters} 封，最近一封 ${detail.feedback.lastLetterAt ? formatShanghaiDate(detail.feedback.lastLetterAt) : ''}`
              : '执行机构还没有来信'}
            {detail.feedback.dueAt ? ` · 下一封应于 ${formatShanghaiDate(detail.feedback.dueAt)} 前` : ''}
          </Text>
          {timeline === null && !timelineError ? <View className='lrf-hint dream-letters-loading'>加载中…</View> : null}
          {timelineError ? <View className='lrf-hint dream-letters-error'>{timelineError}</View> : null}
          {timeline?.map((letter) => (
            <View
              key={letter.id}
              className={`dream-letter dream-letter-${letter.kind}`}
              role='link'
              aria-label={`${letter.kind === 'letter' ? '来信' : '执行反馈'}：${letter.title}，查看全文`}
              onClick={() => Taro.navigateTo({ url: `/letters/read/index?id=${encodeURIComponent(letter.id)}` }).catch(() => undefined)}
            >
              <View className='dream-letter-head'>
                <Text className='dream-letter-kind'>{letter.kind === 'letter' ? '小红花来信' : '执行反馈'}</Text>
                <Text className='lrf-muted dream-letter-date'>{formatShanghaiDate(letter.publishedAt ?? letter.createdAt)}</Text>
              </View>
              <Text className='dream-letter-title'>{letter.title}</Text>
              <Text className='lrf-muted dream-letter-more'>
                {letter.photoUrls.length ? `${letter.photoUrls.length} 张照片 · ` : ''}
                {letter.statement ? '含本期收支明细 · ' : ''}查看全文 ›
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='lrf-card dream-story-card'>
        <Text className='dream-section-title'>梦想故事</Text>
        <Text className='dream-story'>{dream.story}</Text>
      </View>

      <View className='lrf-card dream-people-card'>
        <Text className='dream-section-title'>谁在推动</Text>
        <View className='dream-person-row'>
          <Text className='dream-person-label'>提出人</Text>
          <Text className='dream-proposer'>{proposer?.nickname || '爱心用户'}</Text>
        </View>
        <View className='dream-person-row'>
          <Text className='dream-person-label'>执行机构</Text>
          <Text className='dream-charity'>{charity?.nickname || '暂无认领机构'}</Text>
        </View>
        {dream.adoptedAt ? (
          <View className='dream-person-row'>
            <Text className='dream-person-label'>认领时间</Text>
            <Text>{formatShanghaiTime(dream.adoptedAt)}</Text>
          </View>
        ) : null}
      </View>

      <View className='lrf-card dream-donors-card'>
        <Text className='dream-section-title'>最近支持</Text>
        {recentDonors.length === 0 ? (
          <View className='lrf-muted dream-recent-empty'>还没有人支持，成为第一个吧</View>
        ) : (
          recentDonors.map((d, i) => (
            <View key={`${d.nickname}-${d.firstAt}-${i}`} className='dream-recent-donor'>
              <View className='dream-recent-avatar'>{(d.nickname || '花').slice(0, 1)}</View>
              <Text className='dream-recent-name'>{d.nickname || '爱心用户'}</Text>
              <Text className='lrf-muted dream-recent-time'>{formatShanghaiTime(d.firstAt)}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
