import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { useRoleGate } from '../../hooks/use-role-gate'
import { createSponsor } from '../../services/admin-api'
import type { Sponsor } from '../../../functions/contract'
import { getSponsors } from '../../services/api'
import { errorMessage, toastError } from '../../services/request'
import { FIELDS, intProblem, textProblem } from '../../../functions/contract/fields'
import { yuanToFen, formatMoney } from '../../utils/format'
import '../admin.scss'

interface Form {
  name: string
  logoText: string
  /** Yuan per 10,000 steps, as typed. */
  perTenThousandYuan: string
  budgetYuan: string
}
const EMPTY: Form = { name: '', logoText: '', perTenThousandYuan: '', budgetYuan: '' }

function validate(form: Form): { body: Parameters<typeof createSponsor>[0] } | { error: string } {
  const name = form.name.trim()
  const logoText = form.logoText.trim()
  const { sponsorName, sponsorLogoText, fenPer10kSteps: rate, budgetFen: budget } = FIELDS
  if (textProblem(name, sponsorName)) return { error: `名称需要 ${sponsorName.min}–${sponsorName.max} 个字` }
  if (textProblem(logoText, sponsorLogoText)) return { error: `标志文字需要 ${sponsorLogoText.min}–${sponsorLogoText.max} 个字` }
  const fenPer10kSteps = yuanToFen(form.perTenThousandYuan)
  if (fenPer10kSteps === null || intProblem(fenPer10kSteps, rate)) return { error: `每万步配捐需要在 ${formatMoney(rate.min)}–${formatMoney(rate.max)} 之间` }
  const budgetFen = yuanToFen(form.budgetYuan)
  if (budgetFen === null) return { error: '请填写预算（元）' }
  if (intProblem(budgetFen, budget)) return { error: `预算需要在 ${formatMoney(budget.min)}–${formatMoney(budget.max)} 之间` }
  return { body: { name, logoText, fenPer10kSteps, budgetFen } }
}

/** Admin: the step sponsors (益行家) who match donated steps with money, and a form to add one. */
export default function SponsorsPage() {
  const gate = useRoleGate('admin')
  const [sponsors, setSponsors] = useState<Sponsor[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [form, setForm] = useState<Form>(EMPTY)
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    try {
      setSponsors((await getSponsors()).items)
      setLoadError('')
    } catch (err) {
      setLoadError(errorMessage(err))
    }
  }, [])
  const { check } = gate
  const refresh = useCallback(async () => {
    if (await check()) await load()
  }, [check, load])
  usePageRefresh(refresh)

  const submit = async () => {
    const checked = validate(form)
    if ('error' in checked) {
      setFormError(checked.error)
      return
    }
    setSaving(true)
    setFormError('')
    try {
      await createSponsor(checked.body)
      Taro.showToast({ title: '已新增益行家', icon: 'success' })
      setForm(EMPTY)
      await load()
    } catch (err) {
      setFormError(errorMessage(err))
      toastError(err)
    } finally {
      setSaving(false)
    }
  }

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />
  const field = (key: keyof Form, label: string, type: 'text' | 'digit' = 'text') => (
    <Input
      className={`review-input sponsor-${key}`}
      type={type}
      placeholder={label}
      aria-label={label}
      value={form[key]}
      onInput={(e) => setForm((prev) => ({ ...prev, [key]: e.detail.value }))}
    />
  )

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>益行家</Text>
        <Text className='admin-desc'>益行家为捐出的步数配捐善款，预算用完即止。</Text>
      </View>
      {sponsors === null ? (
        <View className={loadError ? 'lrf-empty sponsors-error' : 'lrf-hint sponsors-loading'}>{loadError || '加载中…'}</View>
      ) : sponsors.length === 0 ? (
        <View className='lrf-empty sponsors-empty'>
          <Text>还没有益行家</Text>
        </View>
      ) : (
        sponsors.map((sponsor) => (
          <View key={sponsor.id} className='lrf-card sponsor-item'>
            <Text className='sponsor-name'>
              {sponsor.logoText} · {sponsor.name}
            </Text>
            <Text className='lrf-muted'>
              每万步配捐 {formatMoney(sponsor.fenPer10kSteps)}，预算 {formatMoney(sponsor.budgetFen)}，剩余 {formatMoney(sponsor.remainingFen)}
            </Text>
          </View>
        ))
      )}
      <View className='lrf-section-title'>新增益行家</View>
      <View className='lrf-card people-search sponsor-form'>
        {field('name', '名称，例如：某某科技')}
        {field('logoText', '标志文字（1–4 个字）')}
        {field('perTenThousandYuan', '每万步配捐（元）', 'digit')}
        {field('budgetYuan', '预算（元）', 'digit')}
        {formError ? <View className='review-error sponsor-form-error'>{formError}</View> : null}
        <Button className='lrf-button sponsor-submit' loading={saving} disabled={saving || undefined} onClick={submit}>
          新增
        </Button>
      </View>
    </View>
  )
}
