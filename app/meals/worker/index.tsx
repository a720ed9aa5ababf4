import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getMe } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { claimWorker } from '../../services/meals'
import { USER_KEY, errorMessage, isApiError } from '../../services/request'
import type { Role } from '../../../functions/contract'
import { FIELDS } from '../../../functions/contract/fields'
import './index.scss'

const openPass = () => Taro.navigateTo({ url: '/codes/meal-pass/index' }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))

/**
 * 环卫工人认证: a worker claims the row their employer's roster has for them (employer, employee
 * number, name), once; then they can show a meal pass at any love-meal store.
 */
export default function WorkerClaimPage() {
  const [roles, setRoles] = useState<Role[]>(getStoredUser()?.roles ?? [])
  const [employer, setEmployer] = useState('')
  const [employeeNumber, setEmployeeNumber] = useState('')
  const [name, setName] = useState('')
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState('')

  usePageRefresh(async () => {
    try {
      setRoles((await getMe()).user.roles)
    } catch {
      // The roles saved at sign-in stay.
    }
  })

  const claim = async () => {
    if (sending) return
    if ([...employer.trim()].length < FIELDS.employer.min || !employeeNumber.trim() || !name.trim()) {
      setProblem('请填写单位、工号和姓名')
      return
    }
    setSending(true)
    setProblem('')
    try {
      const { user } = await claimWorker({ employer: employer.trim(), employeeNumber: employeeNumber.trim(), name: name.trim() })
      const stored = getStoredUser()
      if (stored) Taro.setStorageSync(USER_KEY, { ...stored, roles: user.roles })
      setRoles(user.roles as Role[])
      Taro.showToast({ title: '认证成功', icon: 'success' })
    } catch (err) {
      if (isApiError(err, 'ROSTER_NO_MATCH')) setProblem('没有找到匹配的登记信息，请核对单位、工号和姓名，或联系所在单位')
      else if (isApiError(err, 'ROSTER_ALREADY_CLAIMED')) setProblem('这条登记信息已被认领。如果不是你本人，请联系所在单位')
      else setProblem(errorMessage(err, '认证失败，请稍后重试'))
    } finally {
      setSending(false)
    }
  }

  if (roles.includes('worker')) {
    return (
      <View className='worker'>
        <View className='lrf-card worker-done'>
          <Text className='worker-title'>你已认证为环卫工人</Text>
          <Text className='lrf-muted'>在爱心餐门店出示核销码，店员扫码后即可领取一份爱心餐（每天一份）。</Text>
          <Button className='lrf-button worker-open-pass' onClick={openPass}>
            出示爱心餐核销码
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='worker'>
      <View className='lrf-card worker-form'>
        <Text className='worker-title'>环卫工人认证</Text>
        <Text className='lrf-muted worker-desc'>所在单位已把你登记在名册上。填写和名册一致的信息，认证一次即可领取爱心餐。</Text>
        <Text className='worker-label'>单位</Text>
        <Input
          className='worker-input worker-employer'
          aria-label='单位'
          placeholder='如：南山区环卫所'
          value={employer}
          onInput={(e) => setEmployer(e.detail.value)}
        />
        <Text className='worker-label'>工号</Text>
        <Input
          className='worker-input worker-number'
          aria-label='工号'
          placeholder='工作证上的工号'
          value={employeeNumber}
          onInput={(e) => setEmployeeNumber(e.detail.value)}
        />
        <Text className='worker-label'>姓名</Text>
        <Input className='worker-input worker-name' aria-label='姓名' placeholder='你的姓名' value={name} onInput={(e) => setName(e.detail.value)} />
        {problem ? (
          <View className='worker-problem' role='alert'>
            {problem}
          </View>
        ) : null}
        <Button className='lrf-button worker-claim' disabled={sending || undefined} onClick={claim}>
          {sending ? '认证中…' : '认证'}
        </Button>
      </View>
    </View>
  )
}
