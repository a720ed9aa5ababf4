import { useState } from 'react'
import { Button, Checkbox, CheckboxGroup, Input, Label, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { DEV_EXTRA_ROLES, IS_WEAPP, ROLE_LABELS, defaultDevOpenid, lastDevNickname, signInDev, signInWithWechat, signedOutOnPurpose } from '../../services/auth'
import { errorMessage } from '../../services/request'
import type { Role } from '../../../functions/contract'
import { FIELDS } from '../../../functions/contract/fields'
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts'
import './index.scss'
import Icon from '../../components/icon'

const ME_TAB = '/pages/me/index'

export default function LoginPage() {
  const [nickname, setNickname] = useState('')
  const [openid, setOpenid] = useState('')
  const [roles, setRoles] = useState<Role[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState('')

  const finish = () => {
    Taro.showToast({ title: '登录成功', icon: 'success', duration: 1200 })
    Taro.switchTab({ url: ME_TAB })
  }

  const wechatSignIn = async () => {
    if (submitting) return
    setSubmitting(true)
    setError('')
    try {
      await signInWithWechat()
      finish()
    } catch (err) {
      const message = errorMessage(err, '微信登录失败，请重试')
      setError(message)
      Taro.showToast({ title: message, icon: 'none', duration: 2500 })
    } finally {
      setSubmitting(false)
    }
  }

  const signInAs = async (id: string, name: string, asRoles: Role[]) => {
    setSubmitting(true)
    setError('')
    try {
      await signInDev(id, name, asRoles)
      finish()
    } catch (err) {
      const message = errorMessage(err, '登录失败，请稍后重试')
      setError(message)
      Taro.showToast({ title: message, icon: 'none', duration: 2500 })
    } finally {
      setSubmitting(false)
    }
  }

  const devSignIn = () => {
    if (submitting) return
    const id = openid.trim()
    if (!id) {
      Taro.showToast({ title: '请填写 openid', icon: 'none' })
      return
    }
    signInAs(id, nickname.trim(), roles)
  }

  // A demo account signs in with the roles it was seeded with, so it keeps its workbench.
  const demoSignIn = (account: DemoAccount) => {
    if (submitting) return
    signInAs(account.openid, account.nickname, account.roles)
  }

  useLoad(() => {
    if (IS_WEAPP) {
      // WeChat needs no form: try once right away (the button stays for a retry), except after
      // 退出登录, when signing in again at once would undo it: then the page waits for a tap.
      if (!signedOutOnPurpose()) wechatSignIn()
    } else {
      setOpenid(defaultDevOpenid())
      setNickname(lastDevNickname())
    }
  })

  // `disabled={false}` would still render a `disabled="false"` attribute on H5, which Taro's
  // button CSS greys out; leaving the prop out keeps the button readable.
  return (
    <View className='login'>
      <View className='login-hero'>
        <Icon className='login-logo' name='flower' size={120} color='#fff' />
        <Text className='login-title'>小红花</Text>
        <Text className='login-slogan'>做好事赚小红花，把小红花送给梦想</Text>
      </View>

      {IS_WEAPP ? (
        <View className='lrf-card login-form'>
          <Button className='lrf-button login-submit' disabled={submitting || undefined} onClick={wechatSignIn}>
            {submitting ? '正在登录…' : '微信一键登录'}
          </Button>
          {error ? <View className='login-error'>{error}</View> : null}
        </View>
      ) : (
        <View className='lrf-card login-form'>
          <View className='login-note'>网页版为开发调试用登录，需要 API 以 local 或 test 环境运行。</View>

          <Text className='login-label'>演示账号（npm start 已创建，点一下即登录）</Text>
          <View className='login-demos'>
            {DEMO_ACCOUNTS.map((account) => {
              const roleNames = account.roles.map((role) => ROLE_LABELS[role]).join('、')
              return (
                <View
                  key={account.openid}
                  className={`login-demo login-demo-${account.openid}`}
                  role='button'
                  aria-label={`以演示账号${account.nickname}（${roleNames}）登录`}
                  onClick={() => demoSignIn(account)}
                >
                  <Text className='login-demo-name'>{account.nickname}</Text>
                  <Text className='login-demo-roles'>{roleNames}</Text>
                  <Text className='login-demo-openid'>{account.openid}</Text>
                </View>
              )
            })}
          </View>

          <Text className='login-label login-other'>其他账号</Text>

          <View className='login-field'>
            <Text className='login-label'>昵称</Text>
            <Input
              className='login-input login-nickname'
              type='text'
              placeholder='给自己起个名字吧'
              maxlength={FIELDS.nickname.max}
              value={nickname}
              onInput={(e) => setNickname(e.detail.value)}
            />
          </View>

          <View className='login-field'>
            <Text className='login-label'>openid</Text>
            <Input
              className='login-input login-openid'
              type='text'
              placeholder='同一 openid 即同一用户'
              maxlength={FIELDS.openid.max}
              value={openid}
              onInput={(e) => setOpenid(e.detail.value)}
            />
          </View>

          <View className='login-field'>
            <Text className='login-label'>额外身份（可选）</Text>
            <CheckboxGroup className='login-roles' onChange={(e) => setRoles(e.detail.value as Role[])}>
              {DEV_EXTRA_ROLES.map(({ role, label }) => (
                <Label key={role} className={`login-role login-role-${role}`}>
                  <Checkbox value={role} checked={roles.includes(role)} color='#e64340' />
                  <Text>{label}</Text>
                </Label>
              ))}
            </CheckboxGroup>
          </View>

          <Button className='lrf-button login-submit' disabled={submitting || undefined} onClick={devSignIn}>
            {submitting ? '正在登录…' : '登录'}
          </Button>
          {error ? <View className='login-error'>{error}</View> : null}
        </View>
      )}
      <View className='login-privacy' role='link' onClick={() => Taro.navigateTo({ url: '/privacy/index' })}>
        《小红花隐私政策》：我们收集什么、为什么、保存多久
      </View>
    </View>
  )
}
