import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getDream } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { getDreamLetters } from '../../services/letters'
import { ApiError, errorMessage } from '../../services/request'
import type { Assembly } from '../../services/assembly'
import { assemblyPageUrl, getDreamAssemblies } from '../../services/assembly-reads'
import { assemblyPhase, PHASE_LABELS } from '../../services/assembly-phase'
import type { DreamDetail, LetterView } from '../../../functions/contract'
import { formatShanghaiTime } from '../../utils/format'
import ScheduleForm from './schedule-form'
import '../assembly.scss'

/** A dream's assemblies for everyone; the adopting charity schedules the next one here. */
export default function DreamAssembliesPage() {
  const router = useRouter()
  const dreamId = router.params.dreamId ? decodeURIComponent(router.params.dreamId) : ''

  const [dream, setDream] = useState<DreamDetail | null>(null)
  const [assemblies, setAssemblies] = useState<Assembly[] | null>(null)
  const [statements, setStatements] = useState<LetterView[]>([])
  const [error, setError] = useState('')
  const [missing, setMissing] = useState(false)

  const load = useCallback(async () => {
    if (!dreamId) return setMissing(true)
    try {
      const [detail, list] = await Promise.all([getDream(dreamId), getDreamAssemblies(dreamId, 50)])
      setDream(detail)
      setAssemblies(list.items)
      setError('')
      const me = getStoredUser()
      if (me && detail.dream.charityId === me.id) {
        const letters = await getDreamLetters(dreamId, null, 50).catch(() => null)
        setStatements((letters?.items ?? []).filter((l) => l.statement && l.status === 'published' && !l.retraction))
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setMissing(true)
      else setError(errorMessage(err))
    }
  }, [dreamId])

  usePageRefresh(load)

  if (missing || !dream || !assemblies) return <PageState root='assembly' missing={missing ? '这个梦想不存在或暂未公开' : null} error={error} onRetry={load} />

  const me = getStoredUser()
  const isCharity = Boolean(me && dream.dream.charityId === me.id)
  const now = Date.now()
  const open = (assembly: Assembly) => Taro.navigateTo({ url: assemblyPageUrl(assembly.id) }).catch(() => undefined)

  return (
    <View className='assembly'>
      <View className='lrf-card'>
        <Text className='assembly-title'>{dream.dream.title}</Text>
        <Text className='lrf-muted'>每一位支持过这个梦想的人都是公益股东：可以在股东大会上公开提问、投票，机构公开答复并记录承诺。</Text>
      </View>

      {isCharity ? (
        <View className='lrf-card'>
          <Text className='assembly-section-title'>安排一场股东大会</Text>
          <ScheduleForm
            dreamId={dreamId}
            statements={statements}
            onScheduled={(assembly) => {
              Taro.showToast({ title: '已安排，支持者会收到邀请', icon: 'none' })
              setAssemblies((prev) => [assembly, ...(prev ?? [])])
              open(assembly)
            }}
          />
        </View>
      ) : null}

      <View className='lrf-section-title'>全部股东大会</View>
      {assemblies.length === 0 ? (
        <View className='lrf-empty assembly-list-empty'>
          <Text>还没有召开过股东大会</Text>
        </View>
      ) : null}
      {assemblies.map((a) => {
        const phase = assemblyPhase(a, now)
        return (
          <View key={a.id} className='lrf-card assembly-list-item' role='link' aria-label={`${a.title}，${PHASE_LABELS[phase]}，打开`} onClick={() => open(a)}>
            <View className='assembly-row'>
              <Text className={`assembly-badge assembly-phase assembly-phase-${phase}`}>{PHASE_LABELS[phase]}</Text>
              <Text className='assembly-list-title'>{a.title}</Text>
            </View>
            <Text className='lrf-muted'>
              {formatShanghaiTime(a.startsAt)} 开会 · {a.questionCount} 个提问{a.status === 'closed' ? ` · ${a.attendance} 人参会` : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
