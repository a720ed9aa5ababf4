import { useState } from 'react'
import { Button, Form, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getStoredUser } from '../../services/auth'
import { updateProfile } from '../../services/account'
import { USER_KEY, errorMessage, isApiError } from '../../services/request'
import '../account.scss'

const NICKNAME_MAX = 20

/**
 * 修改昵称. The nickname shows publicly (recent donors, team lists), so the server has WeChat check
 * it; in WeChat the `nickname` input also offers the person's WeChat nickname with one tap.
 */
export default function ProfilePage() {
  const [nickname, setNickname] = useState(getStoredUser()?.nickname ?? '')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')

  // WeChat fills a `nickname` input after its own check; the value arrives with the form.
  const save = async (value: string) => {
    const wanted = value.trim()
    if (!wanted || saving) return
    setSaving(true)
    setError('')
    try {
      const { user } = await updateProfile(wanted)
      Taro.setStorageSync(USER_KEY, user)
      setNickname(user.nickname)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setError(isApiError(err, 'CONTENT_UNSAFE') ? '这个昵称未通过内容安全检查，请换一个' : errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='account'>
      <Form onSubmit={(e) => save(String((e.detail.value as { nickname?: string }).nickname ?? nickname))}>
        <View className='lrf-card account-card'>
          <Text className='account-heading'>昵称</Text>
          <Input
            className='account-input account-nickname'
            name='nickname'
            type='nickname'
            maxlength={NICKNAME_MAX}
            placeholder='1–20 个字'
            value={nickname}
            onInput={(e) => setNickname(e.detail.value)}
          />
          <Text className='account-text'>昵称会显示在梦想的最近捐赠和队伍榜单里，保存前会经过内容安全检查。</Text>
          {error ? <View className='account-error'>{error}</View> : null}
          <Button className='lrf-button account-save' formType='submit' disabled={saving || !nickname.trim() || undefined}>
            {saving ? '正在保存…' : '保存'}
          </Button>
        </View>
      </Form>
    </View>
  )
}
