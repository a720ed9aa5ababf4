import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { useRoleGate } from '../../hooks/use-role-gate'
import { getEmployers, registerEmployer, type Employer } from '../../services/meals'
import { errorMessage, isApiError } from '../../services/request'
import { FIELDS, textProblem } from '../../../functions/contract/fields'
import { formatShanghaiDate } from '../../utils/format'
import '../admin.scss'

/** Why a registration was refused, in the admin's words. */
function refusal(err: unknown): string {
  if (isApiError(err, 'NOT_FOUND')) return '没有找到这个用户 ID'
  if (isApiError(err, 'NOT_A_CHARITY')) return '这个用户不是公益机构，请先在“人员与角色”授予公益机构角色'
  if (isApiError(err, 'EMPLOYER_REGISTERED')) return '这个环卫单位已登记在其他公益机构名下'
  return errorMessage(err, '登记失败，请稍后重试')
}

/**
 * Admin: each employer (环卫单位) is registered to the one charity that keeps its roster; only that
 * charity can import or revoke its workers' rows.
 */
export default function EmployersPage() {
  const gate = useRoleGate('admin')
  const [employers, setEmployers] = useState<Employer[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [name, setName] = useState('')
  const [charityId, setCharityId] = useState('')
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    try {
      setEmployers((await getEmployers(null, 100)).items)
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
    if (saving) return
    const employer = name.trim()
    if (textProblem(employer, FIELDS.employer)) return setFormError(`单位名称需要 ${FIELDS.employer.min}–${FIELDS.employer.max} 个字`)
    if (!charityId.trim()) return setFormError('请填写公益机构的用户 ID')
    setSaving(true)
    setFormError('')
    try {
      await registerEmployer({ employer, charityId: charityId.trim() })
      Taro.showToast({ title: '已登记', icon: 'success' })
      setName('')
      setCharityId('')
      await load()
    } catch (err) {
      setFormError(refusal(err))
    } finally {
      setSaving(false)
    }
  }

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />
  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>环卫单位</Text>
        <Text className='admin-desc'>每个环卫单位登记到一家公益机构，只有这家机构能导入和撤销它的工人名册。</Text>
      </View>
      <View className='lrf-card people-search employer-form'>
        <Input
          className='review-input employer-name'
          placeholder='单位名称，如：南山区环卫所'
          aria-label='单位名称'
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
        <Input
          className='review-input employer-charity'
          placeholder='公益机构的用户 ID'
          aria-label='公益机构的用户 ID'
          value={charityId}
          onInput={(e) => setCharityId(e.detail.value)}
        />
        {formError ? (
          <View className='review-error employer-problem' role='alert'>
            {formError}
          </View>
        ) : null}
        <Button className='lrf-button employer-register' disabled={saving || undefined} onClick={submit}>
          {saving ? '登记中…' : '登记'}
        </Button>
      </View>
      <View className='lrf-section-title'>已登记的单位</View>
      {employers === null ? (
        <View className={loadError ? 'lrf-empty employers-error' : 'lrf-hint employers-loading'}>{loadError || '加载中…'}</View>
      ) : employers.length === 0 ? (
        <View className='lrf-empty employers-empty'>
          <Text>还没有登记的环卫单位</Text>
        </View>
      ) : (
        employers.map((employer) => (
          <View key={employer.name} className='lrf-card employer-item'>
            <Text className='employer-item-name'>{employer.name}</Text>
            <Text className='lrf-muted'>
              公益机构 {employer.charityId} · {formatShanghaiDate(employer.registeredAt)} 登记
            </Text>
          </View>
        ))
      )}
    </View>
  )
}
