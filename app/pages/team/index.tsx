import { useCallback, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { shareTitle } from '../../utils/share'
import GiveBox, { type GiftContext } from '../../components/give-box'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getDream, getMe, getTeam, joinTeam } from '../../services/api'
import { IS_WEAPP, getStoredUser } from '../../services/auth'
import { explainRefusal } from '../../services/privacy'
import { ApiError, errorMessage, toastError } from '../../services/request'
import PrivacyPopup from '../../components/privacy-popup'
import type { DreamDetail, GiftResult, TeamDetail } from '../../../functions/contract'
import { acceptsFlowers, afterGift, dreamStatusLabel, freshestDream, mergeDreamDetail, percent } from '../../utils/format'
import './index.scss'
import PageState from '../../components/page-state'
import Icon from '../../components/icon'

export default function TeamPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''

  const [team, setTeam] = useState<TeamDetail | null>(null)
  const [dreamDetail, setDreamDetail] = useState<DreamDetail | null>(null)
  const [balance, setBalance] = useState<number | null>(null)
  const [myId, setMyId] = useState<string | null>(getStoredUser()?.id ?? null)
  const [error, setError] = useState('')
  const [notFound, setNotFound] = useState(false)
  const [joining, setJoining] = useState(false)

  // Bumped by every gift: a reload sent before it must not overwrite what the gift returned.
  const generationRef = useRef(0)

  const load = useCallback(async () => {
    if (!id) {
      setNotFound(true)
      return
    }
    const generation = generationRef.current
    try {
      const [teamValue, me] = await Promise.all([getTeam(id), getMe().catch(() => null)])
      // The panel (冷静器) needs the proposer, the charity and whether this person gave before.
      const detail = await getDream(teamValue.team.dreamId).catch(() => null)
      if (generation !== generationRef.current) return
      setTeam((prev) => (prev ? { ...teamValue, dream: freshestDream(prev.dream, teamValue.dream) } : teamValue))
      if (detail) setDreamDetail((prev) => mergeDreamDetail(prev, detail))
      if (me) {
        setBalance(me.flowers.balance)
        setMyId(me.user.id)
      }
      setError('')
      setNotFound(false)
      Taro.setNavigationBarTitle({ title: teamValue.team.name }).catch(() => undefined)
    } catch (err) {
      if (generation !== generationRef.current) return
      if (err instanceof ApiError && err.status === 404) {
        setNotFound(true)
      } else {
        setError(errorMessage(err))
        toastError(err)
      }
    }
  }, [id])

  usePageRefresh(load)

  useShareAppMessage(() => ({
    // A held team name waits for an admin: the share shows a fixed title instead.
    title: shareTitle(team?.team.name, !team?.team.held, (name) => `加入「${name}」，一起支持「${team?.dream.title}」`, '一起捐小红花'),
    path: `/pages/team/index?id=${encodeURIComponent(id)}`,
  }))

  const copyCode = () => {
    if (!team) return
    Taro.setClipboardData({ data: team.team.code })
      .then(() => Taro.showToast({ title: '口令已复制', icon: 'success' }))
      .catch(async (err) => {
        // A refused privacy guide or a cancel is answered by explainRefusal; otherwise show the code to copy by hand.
        if ((await explainRefusal(err, '复制队伍口令')) === 'other') Taro.showToast({ title: `口令：${team.team.code}`, icon: 'none' })
      })
  }

  const onJoin = async () => {
    if (!team || joining) return
    setJoining(true)
    try {
      await joinTeam(team.team.code)
      Taro.showToast({ title: '已加入队伍', icon: 'success' })
      await load()
    } catch (err) {
      toastError(err, '加入队伍失败，请稍后重试')
    } finally {
      setJoining(false)
    }
  }

  const onGiven = (res: GiftResult, gift: GiftContext) => {
    generationRef.current++
    setBalance(res.balance)
    const expected = afterGift(gift.base, res.dream, res.donation, gift.firstGift)
    setTeam((prev) => (prev ? { ...prev, dream: freshestDream(prev.dream, expected) } : prev))
    setDreamDetail((prev) => (prev ? { ...prev, dream: freshestDream(prev.dream, expected), viewer: { hasGiven: true } } : prev))
    // The ranking and the team total come from a fresh read.
    load()
    // The dream's totals may be answered up to a second old: read once more after that.
    setTimeout(() => load(), 1200)
  }

  const onStale = () => {
    generationRef.current++
    load()
  }

  const openDream = () => {
    if (!team) return
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(team.dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  if (notFound || !team) {
    return <PageState root='team' missing={notFound ? '这个队伍不存在' : null} error={error} onRetry={load} />
  }

  const { dream, members, totalFlowers } = team
  const pct = percent(dream.flowersRaised, dream.targetFlowers)
  const isMember = Boolean(myId && members.some((m) => m.userId === myId))
  const open = acceptsFlowers(dream.status)

  return (
    <View className='team'>
      <PrivacyPopup />
      <View className='team-hero'>
        <Text className='team-title'>{team.team.name}</Text>
        <Text className='team-hero-desc'>一起为这个梦想送出小红花</Text>
        <View className='team-code-box' onClick={copyCode}>
          <Text className='team-code-label'>队伍口令</Text>
          <Text className='team-code' userSelect>
            {team.team.code}
          </Text>
          <Text className='team-code-tip'>点击复制，发给朋友输入口令即可加入</Text>
        </View>
        <View className='team-hero-actions'>
          <Button className='lrf-button-plain team-code-copy' onClick={copyCode}>
            复制口令
          </Button>
          {IS_WEAPP ? (
            <Button className='lrf-button team-share' openType='share'>
              邀请微信好友
            </Button>
          ) : null}
        </View>
      </View>

      <View className='lrf-card team-dream' onClick={openDream}>
        <View className='team-dream-head'>
          <Text className='team-dream-title'>{dream.title}</Text>
          <Text className='team-dream-status'>{dreamStatusLabel(dream.status)}</Text>
        </View>
        <View className='team-dream-progress'>
          <View className='team-dream-progress-bar' style={{ width: `${pct}%` }} />
        </View>
        <View className='team-dream-numbers'>
          <Text>
            {dream.flowersRaised} / {dream.targetFlowers} 朵 · {dream.donorCount} 人支持
          </Text>
          <Text className='team-dream-percent'>{pct}%</Text>
        </View>
        <Text className='lrf-muted team-dream-link'>查看梦想详情 ›</Text>
      </View>

      <View className='lrf-card team-board'>
        <View className='team-board-head'>
          <Text className='team-section-title'>队伍排行</Text>
          <Text className='team-total-line'>
            队伍共送出 <Text className='team-total'>{totalFlowers}</Text> 朵
          </Text>
        </View>
        {members.length === 0 ? <View className='lrf-muted team-members-empty'>还没有队员</View> : null}
        {members.map((m) => (
          <View key={m.userId} className={`team-member ${m.userId === myId ? 'team-member-me' : ''}`}>
            <Text className={`team-member-rank team-member-rank-${m.rank <= 3 ? m.rank : 'n'}`}>{m.rank}</Text>
            <Text className='team-member-name'>
              {m.nickname || '爱心用户'}
              {m.userId === myId ? '（我）' : ''}
            </Text>
            {m.userId === team.team.captainId ? <Icon name='crown' size={28} color='#d48806' /> : null}
            <Text className='team-member-flowers'>{m.flowers}</Text>
            <Text className='team-member-unit'>朵</Text>
          </View>
        ))}
      </View>

      <View className='lrf-card team-give-card'>
        {!open ? (
          <View className='team-give-closed'>这个梦想现在不接受小红花</View>
        ) : isMember ? (
          <GiveBox
            prefix='team-give'
            dream={dream}
            teamId={team.team.id}
            proposerName={dreamDetail?.proposer?.nickname ?? null}
            charityName={dreamDetail?.charity?.nickname ?? null}
            hasGiven={Boolean(dreamDetail?.viewer?.hasGiven)}
            balance={balance}
            onGiven={onGiven}
            onStale={onStale}
          />
        ) : (
          <View className='team-join-box'>
            <Text className='lrf-muted team-join-desc'>加入队伍后，你送出的小红花会计入队伍排行。</Text>
            <Button className='lrf-button team-join' disabled={joining || undefined} onClick={onJoin}>
              {joining ? '加入中…' : '加入这个队伍'}
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
