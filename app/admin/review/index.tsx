import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getMe, getReviewQueue, reviewDream } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { errorMessage, isApiError, toastError } from '../../services/request'
import type { Dream, MatchFund, ReviewDreamInput, ReviewQueuePage, Role } from '../../../functions/contract'
import { categoryLabel, formatShanghaiTime, yuanToFen, formatMoney } from '../../utils/format'
import { FIELDS, intProblem, textProblem } from '../../../functions/contract/fields'
import './index.scss'
import Icon from '../../components/icon'

const PAGE_SIZE = 20
const { reviewNote: NOTE, sponsorName: SPONSOR, matchFenPerFlower: PER_FLOWER, budgetFen: BUDGET } = FIELDS

interface ReviewForm {
  note: string
  matchOpen: boolean
  sponsorName: string
  /** Yuan, as typed. */
  perFlowerYuan: string
  budgetYuan: string
}

const EMPTY_FORM: ReviewForm = { note: '', matchOpen: false, sponsorName: '', perFlowerYuan: '', budgetYuan: '' }

function buildMatchFund(form: ReviewForm): { matchFund?: MatchFund } | { error: string } {
  if (!form.matchOpen) return {}
  const sponsorName = form.sponsorName.trim()
  const anyFilled = sponsorName || form.perFlowerYuan.trim() || form.budgetYuan.trim()
  if (!anyFilled) return {}
  if (textProblem(sponsorName, SPONSOR)) return { error: `配捐方名称需要 ${SPONSOR.min}–${SPONSOR.max} 个字` }
  const fenPerFlower = yuanToFen(form.perFlowerYuan)
  if (fenPerFlower === null || intProblem(fenPerFlower, PER_FLOWER)) {
    return { error: `每朵花配捐需要在 ${formatMoney(PER_FLOWER.min)}–${formatMoney(PER_FLOWER.max)} 之间` }
  }
  const budgetFen = yuanToFen(form.budgetYuan)
  if (budgetFen === null) return { error: '请填写配捐预算（元）' }
  if (intProblem(budgetFen, BUDGET)) return { error: `配捐预算需要在 ${formatMoney(BUDGET.min)}–${formatMoney(BUDGET.max)} 之间` }
  return { matchFund: { sponsorName, fenPerFlower, budgetFen } }
}

/** The other admin consoles, in the `admin` subpackage. */
const ADMIN_CONSOLES = [
  { key: 'people', title: '人员与角色', url: '/admin/people/index' },
  { key: 'stores', title: '店铺管理', url: '/admin/stores/index' },
  { key: 'sponsors', title: '益行家', url: '/admin/sponsors/index' },
  { key: 'jobs', title: '通知任务', url: '/admin/jobs/index' },
  { key: 'letters', title: '来信审核', url: '/admin/letters/index' },
  { key: 'held', title: '待审内容', url: '/admin/held/index' },
  { key: 'spot-checks', title: '抽查回访', url: '/admin/spot-checks/index' },
  { key: 'questions', title: '被举报的提问', url: '/admin/questions/index' },
  { key: 'employers', title: '环卫单位', url: '/admin/employers/index' },
  { key: 'roster', title: '环卫工人名册', url: '/charity/roster/index' },
]

function openConsole(url: string) {
  Taro.navigateTo({ url }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
}

export default function AdminPage() {
  const [roles, setRoles] = useState<Role[] | null>(getStoredUser()?.roles ?? null)
  const [rolesChecked, setRolesChecked] = useState(false)
  const [forms, setForms] = useState<Record<string, ReviewForm>>({})
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<Record<string, 'approve' | 'reject'>>({})

  // One proposer's flood is collapsed by the API; an admin can open it (only that proposer's dreams).
  const [proposerFilter, setProposerFilter] = useState<string | null>(null)
  const [collapsed, setCollapsed] = useState<ReviewQueuePage['collapsed']>([])
  // Proposers' nicknames by id, from every page loaded so far: a reviewer reads who, not an id.
  const [proposers, setProposers] = useState<Record<string, string>>({})
  const list = usePagedList<Dream>(async (cursor) => {
    const page = await getReviewQueue(cursor, PAGE_SIZE, proposerFilter)
    setCollapsed((prev) => (cursor ? [...prev, ...page.collapsed] : page.collapsed))
    setProposers((prev) => ({ ...prev, ...Object.fromEntries((page.proposers ?? []).map((p) => [p.id, p.nickname])) }))
    return page
  })
  const proposerName = (id: string) => proposers[id] ?? id
  const { reload } = list
  const { items, setItems, loaded, loading } = list

  const showProposer = (proposerId: string | null) => {
    setProposerFilter(proposerId)
    setCollapsed([])
  }
  // The filter is read by the page fetcher above; a change starts the list again.
  useEffect(() => {
    if (rolesChecked) void reload({ clear: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposerFilter])

  // Bumped by every refresh so a slow older role check is dropped.
  const generationRef = useRef(0)
  const busyRef = useRef<Set<string>>(new Set())

  const refresh = useCallback(async () => {
    const generation = ++generationRef.current
    let currentRoles: Role[] | null
    try {
      currentRoles = (await getMe()).user.roles
    } catch {
      currentRoles = getStoredUser()?.roles ?? null
    }
    if (generation !== generationRef.current) return
    setRoles(currentRoles)
    setRolesChecked(true)
    if (!currentRoles?.includes('admin')) return
    await reload()
  }, [reload])

  usePageRefresh(refresh)

  const formOf = (id: string): ReviewForm => forms[id] || EMPTY_FORM

  const updateForm = (id: string, patch: Partial<ReviewForm>) => {
    setForms((prev) => ({ ...prev, [id]: { ...(prev[id] || EMPTY_FORM), ...patch } }))
    setItemErrors((prev) => (prev[id] ? { ...prev, [id]: '' } : prev))
  }

  const removeItem = (id: string) => {
    setItems((prev) => prev.filter((d) => d.id !== id))
    setForms((prev) => {
      const next = { ...prev }
      delete next[id]
      return next
    })
  }

  const decide = async (dream: Dream, decision: 'approve' | 'reject') => {
    if (busyRef.current.has(dream.id)) return
    const form = formOf(dream.id)
    const note = form.note.trim()
    if (note && textProblem(note, NOTE)) {
      setItemErrors((prev) => ({ ...prev, [dream.id]: `审核意见最多 ${NOTE.max} 个字` }))
      return
    }
    const input: ReviewDreamInput = { decision }
    if (note) input.note = note
    if (decision === 'approve') {
      const match = buildMatchFund(form)
      if ('error' in match) {
        setItemErrors((prev) => ({ ...prev, [dream.id]: match.error }))
        Taro.showToast({ title: match.error, icon: 'none', duration: 2500 })
        return
      }
      if (match.matchFund) input.matchFund = match.matchFund
    }

    busyRef.current.add(dream.id)
    setBusy((prev) => ({ ...prev, [dream.id]: decision }))
    setItemErrors((prev) => ({ ...prev, [dream.id]: '' }))
    try {
      await reviewDream(dream.id, input)
      Taro.showToast({ title: decision === 'approve' ? '已通过' : '已驳回', icon: 'success' })
      removeItem(dream.id)
    } catch (err) {
      if (isApiError(err, 'NOT_IN_REVIEW')) {
        // Someone else decided first: it is no longer in this queue.
        Taro.showToast({ title: '这个梦想已经审核过了', icon: 'none' })
        removeItem(dream.id)
      } else {
        const message = isApiError(err, 'CONTENT_UNSAFE') ? '内容未通过安全检查，不能通过审核，请驳回并说明原因' : errorMessage(err, '操作失败，请稍后重试')
        setItemErrors((prev) => ({ ...prev, [dream.id]: message }))
        toastError(err, message)
      }
    } finally {
      busyRef.current.delete(dream.id)
      setBusy((prev) => {
        const next = { ...prev }
        delete next[dream.id]
        return next
      })
    }
  }

  if (rolesChecked && !roles?.includes('admin')) {
    return (
      <View className='admin'>
        <View className='lrf-empty admin-forbidden'>
          <Icon name='lock' className='lrf-empty-icon' size={96} />
          <Text>仅管理员可用</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>梦想审核</Text>
        <Text className='admin-desc'>通过后梦想公开到梦想广场；内容会先经过微信内容安全检查。</Text>
      </View>

      <View className='admin-nav' role='navigation'>
        {ADMIN_CONSOLES.map((entry) => (
          <View key={entry.key} className={`admin-nav-item admin-nav-${entry.key}`} role='link' aria-label={entry.title} onClick={() => openConsole(entry.url)}>
            <Text>{entry.title}</Text>
            <Text className='admin-nav-arrow' aria-hidden>
              ›
            </Text>
          </View>
        ))}
      </View>

      {proposerFilter ? (
        <View className='lrf-card review-filter'>
          <Text>只显示提交者 {proposerName(proposerFilter)} 的待审核梦想</Text>
          <Button className='lrf-button-plain review-filter-clear' onClick={() => showProposer(null)}>
            返回全部
          </Button>
        </View>
      ) : null}

      {collapsed.map((entry) => (
        <View key={entry.proposerId} className='lrf-card review-collapsed'>
          <Text>
            提交者 {proposerName(entry.proposerId)} 还有 {entry.hidden} 个梦想待审核，已折叠
          </Text>
          <Button className='lrf-button-plain review-collapsed-open' onClick={() => showProposer(entry.proposerId)}>
            只看 TA 的
          </Button>
        </View>
      ))}

      {loaded && items.length === 0 && !loading ? (
        <View className='lrf-empty admin-empty'>
          <Icon name='check' className='lrf-empty-icon' size={96} />
          <Text>没有待审核的梦想</Text>
        </View>
      ) : null}

      {items.map((dream) => {
        const form = formOf(dream.id)
        const state = busy[dream.id]
        return (
          <View key={dream.id} className='lrf-card review-item'>
            <View className='review-head'>
              <Text className='review-category'>{categoryLabel(dream.category)}</Text>
              <Text className='lrf-muted'>{formatShanghaiTime(dream.createdAt)}</Text>
            </View>
            <Text className='review-title'>{dream.title}</Text>
            <Text className='lrf-muted review-proposer'>提出人：{proposerName(dream.proposerId)}</Text>
            <Text className='review-story'>{dream.story}</Text>
            <View className='review-facts'>
              <Text className='review-target'>目标 {dream.targetFlowers} 朵</Text>
              {dream.beneficiaries ? <Text className='review-fact'>帮助 {dream.beneficiaries} 人</Text> : null}
              {dream.coverUrl ? <Text className='review-fact'>有封面图</Text> : null}
            </View>

            <Input
              className='review-input review-note'
              type='text'
              placeholder='审核意见（选填，驳回时会告诉提出人）'
              maxlength={NOTE.max * 2}
              value={form.note}
              onInput={(e) => updateForm(dream.id, { note: e.detail.value })}
            />

            <View className='review-match-toggle' onClick={() => updateForm(dream.id, { matchOpen: !form.matchOpen })}>
              {form.matchOpen ? '▾ 收起配捐设置' : '▸ 设置配捐（选填）'}
            </View>
            {form.matchOpen ? (
              <View className='review-match'>
                <Text className='review-match-label'>配捐方</Text>
                <Input
                  className='review-input review-sponsor'
                  type='text'
                  placeholder='配捐方名称，例如：某某公益基金'
                  maxlength={SPONSOR.max * 2}
                  value={form.sponsorName}
                  onInput={(e) => updateForm(dream.id, { sponsorName: e.detail.value })}
                />
                <Text className='review-match-label'>每朵花配捐（元）</Text>
                <Input
                  className='review-input review-fen-per-flower'
                  type='digit'
                  placeholder='每朵花配捐（元），例如 0.5'
                  value={form.perFlowerYuan}
                  onInput={(e) => updateForm(dream.id, { perFlowerYuan: e.detail.value })}
                />
                <Text className='review-match-label'>配捐预算（元）</Text>
                <Input
                  className='review-input review-budget'
                  type='digit'
                  placeholder='配捐预算（元），例如 5000'
                  value={form.budgetYuan}
                  onInput={(e) => updateForm(dream.id, { budgetYuan: e.detail.value })}
                />
              </View>
            ) : null}

            {itemErrors[dream.id] ? <View className='review-error'>{itemErrors[dream.id]}</View> : null}

            <View className='review-actions'>
              <Button className='lrf-button-plain review-reject' disabled={Boolean(state) || undefined} onClick={() => decide(dream, 'reject')}>
                {state === 'reject' ? '处理中…' : '驳回'}
              </Button>
              <Button className='lrf-button review-approve' disabled={Boolean(state) || undefined} onClick={() => decide(dream, 'approve')}>
                {state === 'approve' ? '处理中…' : '通过'}
              </Button>
            </View>
          </View>
        )
      })}

      <ListFooter prefix='admin' list={list} />
    </View>
  )
}
