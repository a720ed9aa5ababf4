import { useCallback, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import AdoptConfirm from '../../components/adopt-confirm'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { adoptDream, getDreams, getMe } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { errorMessage, isApiError, toastError } from '../../services/request'
import type { Dream, Role } from '../../../functions/contract'
import { categoryLabel, formatShanghaiTime } from '../../utils/format'
import './index.scss'
import Icon from '../../components/icon'

const PAGE_SIZE = 20
// Adopted dreams are listed for everyone; this charity's own are picked out of at most this many pages.
const ADOPTED_SCAN_PAGES = 5

/** Every adopted dream whose charityId is this account, newest first. */
async function loadMyAdopted(charityId: string): Promise<Dream[]> {
  const mine: Dream[] = []
  let cursor: string | null = null
  for (let i = 0; i < ADOPTED_SCAN_PAGES; i++) {
    const page = await getDreams({ status: 'adopted', sort: 'new', cursor, limit: 100 })
    mine.push(...page.items.filter((d) => d.charityId === charityId))
    cursor = page.nextCursor
    if (!cursor) break
  }
  return mine
}

export default function CharityPage() {
  const [roles, setRoles] = useState<Role[] | null>(getStoredUser()?.roles ?? null)
  const [rolesChecked, setRolesChecked] = useState(false)

  const list = usePagedList<Dream>((cursor) => getDreams({ status: 'executable', sort: 'new', cursor, limit: PAGE_SIZE }))
  const { reload } = list
  const { items, setItems, loaded, loading } = list
  const [adoptedIds, setAdoptedIds] = useState<Record<string, boolean>>({})
  const [adopting, setAdopting] = useState<string | null>(null)
  // The dream whose adoption waits for the charity to confirm what it commits to.
  const [confirming, setConfirming] = useState<Dream | null>(null)

  const [mine, setMine] = useState<Dream[]>([])
  const [mineLoaded, setMineLoaded] = useState(false)
  const [mineError, setMineError] = useState('')

  // Bumped by every refresh so a slow older answer is dropped.
  const generationRef = useRef(0)
  const adoptingRef = useRef(false)

  const refresh = useCallback(async () => {
    const generation = ++generationRef.current
    let currentRoles: Role[] | null
    let userId: string | null
    try {
      const me = await getMe()
      currentRoles = me.user.roles
      userId = me.user.id
    } catch {
      currentRoles = getStoredUser()?.roles ?? null
      userId = getStoredUser()?.id ?? null
    }
    if (generation !== generationRef.current) return
    setRoles(currentRoles)
    setRolesChecked(true)
    if (!currentRoles?.includes('charity')) return

    const [executable, adopted] = await Promise.all([
      reload(),
      userId
        ? loadMyAdopted(userId).then(
            (value) => ({ ok: true as const, value }),
            (err: unknown) => ({ ok: false as const, err }),
          )
        : Promise.resolve({ ok: true as const, value: [] as Dream[] }),
    ])
    if (generation !== generationRef.current) return
    if (executable.status === 'ok') setAdoptedIds({})
    if (adopted.ok) {
      setMine(adopted.value)
      setMineLoaded(true)
      setMineError('')
    } else {
      setMineError(errorMessage(adopted.err))
    }
  }, [reload])

  usePageRefresh(refresh)

  const onAdopt = async (dream: Dream) => {
    if (adoptingRef.current || adoptedIds[dream.id]) return
    adoptingRef.current = true
    setAdopting(dream.id)
    try {
      const res = await adoptDream(dream.id)
      setAdoptedIds((prev) => ({ ...prev, [dream.id]: true }))
      setMine((prev) => [res.dream, ...prev.filter((d) => d.id !== dream.id)])
      setConfirming(null)
      Taro.showToast({ title: '已认领', icon: 'success' })
    } catch (err) {
      setConfirming(null)
      toastError(err, '认领失败，请稍后重试')
      // Already adopted (by someone else) or not executable any more: it leaves this list.
      if (isApiError(err, 'NOT_EXECUTABLE')) setItems((prev) => prev.filter((d) => d.id !== dream.id))
    } finally {
      adoptingRef.current = false
      setAdopting(null)
    }
  }

  const open = (dream: Dream) => {
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const writeLetter = (dream: Dream) => {
    Taro.navigateTo({ url: `/charity/letter/index?dreamId=${encodeURIComponent(dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  if (rolesChecked && !roles?.includes('charity')) {
    return (
      <View className='charity'>
        <View className='lrf-empty charity-forbidden'>
          <Icon name='lock' className='lrf-empty-icon' size={96} />
          <Text>仅公益机构可用</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='charity'>
      <View className='charity-head'>
        <Text className='charity-title'>公益机构工作台</Text>
        <Text className='charity-desc'>小红花集满的梦想等待机构认领执行。认领后请按时给支持者写信，告诉他们梦想的进展。</Text>
        <View className='charity-roster-link' role='button' onClick={() => Taro.navigateTo({ url: '/charity/roster/index' })}>
          爱心餐 · 环卫工人名册 ›
        </View>
      </View>

      <View className='lrf-section-title'>待认领的梦想</View>
      {loaded && items.length === 0 && !loading ? (
        <View className='lrf-empty charity-empty'>
          <Icon name='sprout' className='lrf-empty-icon' size={96} />
          <Text>暂时没有待认领的梦想</Text>
        </View>
      ) : null}
      {items.map((dream) => {
        const done = Boolean(adoptedIds[dream.id])
        return (
          <View key={dream.id} className='lrf-card adopt-item'>
            <View className='adopt-head' onClick={() => open(dream)}>
              <Text className='adopt-category'>{categoryLabel(dream.category)}</Text>
              <Text className='adopt-title'>{dream.title}</Text>
              <Text className='lrf-muted adopt-numbers'>
                已筹 {dream.flowersRaised} / {dream.targetFlowers} 朵 · {dream.donorCount} 人支持
                {dream.executableAt ? ` · ${formatShanghaiTime(dream.executableAt)} 达成` : ''}
              </Text>
            </View>
            <Button
              className={`${done ? 'lrf-button-plain adopt-done' : 'lrf-button'} adopt-submit`}
              // Not `disabled` once adopted: H5's disabled button style would hide the 已认领 text.
              disabled={(!done && adopting === dream.id) || undefined}
              onClick={() => {
                if (!done) setConfirming(dream)
              }}
            >
              {done ? '已认领' : adopting === dream.id ? '认领中…' : '认领执行'}
            </Button>
          </View>
        )
      })}
      <ListFooter prefix='charity' list={list} errorIcon='' />
      <AdoptConfirm
        title={confirming?.title ?? null}
        busy={adopting !== null}
        onConfirm={() => confirming && onAdopt(confirming)}
        onCancel={() => setConfirming(null)}
      />

      <View className='lrf-section-title'>我认领的梦想</View>
      {mineError && !mineLoaded ? <View className='lrf-hint charity-mine-error'>{mineError}</View> : null}
      {mineLoaded && mine.length === 0 ? (
        <View className='lrf-empty adopted-empty'>
          <Text>还没有认领过梦想</Text>
        </View>
      ) : null}
      {mine.map((dream) => (
        <View key={dream.id} className='lrf-card adopted-item' onClick={() => open(dream)}>
          <Text className='adopted-title'>{dream.title}</Text>
          <Text className='lrf-muted adopted-meta'>
            {dream.flowersRaised} 朵小红花 · {dream.donorCount} 人支持
            {dream.adoptedAt ? ` · ${formatShanghaiTime(dream.adoptedAt)} 认领` : ''}
          </Text>
          <Button
            className='lrf-button adopted-write'
            onClick={(event) => {
              event.stopPropagation()
              writeLetter(dream)
            }}
          >
            写来信 / 查看来信
          </Button>
          <Button
            className='lrf-button-plain adopted-assemblies'
            aria-label={`${dream.title}的公益股东大会`}
            onClick={(event) => {
              event.stopPropagation()
              Taro.navigateTo({ url: `/assembly/dream/index?dreamId=${encodeURIComponent(dream.id)}` })
            }}
          >
            公益股东大会
          </Button>
          <Button
            className='lrf-button-plain adopted-distributions'
            aria-label={`${dream.title}的物资发放与签收`}
            onClick={(event) => {
              event.stopPropagation()
              Taro.navigateTo({ url: `/signoff/distributions/index?dreamId=${encodeURIComponent(dream.id)}` })
            }}
          >
            物资发放 / 签收
          </Button>
        </View>
      ))}
    </View>
  )
}
