import { useEffect, useState } from 'react'
import { Button, Form, Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getStoredUser } from '../../services/auth'
import { updateProfile } from '../../services/account'
import { getMe } from '../../services/api'
import { uploadPhoto } from '../../services/letters'
import { USER_KEY, errorMessage, isApiError } from '../../services/request'
import { chooseAvatarInBrowser, type ChosenAvatar } from './avatar'
import '../account.scss'
import './index.scss'

const NICKNAME_MAX = 20

/** The stored person, with the avatar URL GET /me and PUT /me/profile give (older sessions stored none). */
const storedAvatarUrl = () => (getStoredUser() as { avatarUrl?: string | null } | null)?.avatarUrl ?? null

/**
 * 头像和昵称. Both show publicly, so the server has WeChat check them: the nickname before it is
 * saved, the avatar (an upload) before anyone but its owner sees it. In WeChat the `nickname`
 * input offers the WeChat nickname with one tap, and the `chooseAvatar` button the WeChat avatar.
 */
export default function ProfilePage() {
  const [nickname, setNickname] = useState(getStoredUser()?.nickname ?? '')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const [avatarUrl, setAvatarUrl] = useState<string | null>(storedAvatarUrl())
  /** The chosen file, shown to its owner while WeChat's image check has not passed it. */
  const [preview, setPreview] = useState<string | null>(null)
  const [avatarBusy, setAvatarBusy] = useState(false)
  const [avatarNote, setAvatarNote] = useState('')

  useEffect(() => {
    getMe()
      .then(({ user }) => setAvatarUrl(user.avatarUrl))
      .catch(() => undefined)
  }, [])

  const remember = (user: Awaited<ReturnType<typeof updateProfile>>['user']) => {
    Taro.setStorageSync(USER_KEY, user)
    setNickname(user.nickname)
    setAvatarUrl(user.avatarUrl)
  }

  // WeChat fills a `nickname` input after its own check; the value arrives with the form.
  const save = async (value: string) => {
    const wanted = value.trim()
    if (!wanted || saving) return
    setSaving(true)
    setError('')
    try {
      remember((await updateProfile(wanted)).user)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setError(isApiError(err, 'CONTENT_UNSAFE') ? '这个昵称未通过内容安全检查，请换一个' : errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  /** Uploads the chosen picture and saves it with the nickname as it is now. */
  const saveAvatar = async (file: ChosenAvatar) => {
    const current = nickname.trim() || getStoredUser()?.nickname || ''
    if (avatarBusy) return
    if (!current) {
      setError('请先填写昵称，再设置头像')
      return
    }
    setAvatarBusy(true)
    setError('')
    setAvatarNote('')
    try {
      const uploadId = await uploadPhoto(file, 'avatar')
      const { user } = await updateProfile(current, uploadId)
      remember(user)
      setPreview(user.avatarUrl ? null : file.path)
      setAvatarNote(user.avatarUrl ? '' : '头像已提交，通过微信图片安全检查后别人才能看到')
      Taro.showToast({ title: '头像已保存', icon: 'success' })
    } catch (err) {
      const unsafe = isApiError(err, 'CONTENT_UNSAFE') || isApiError(err, 'INVALID_PHOTO')
      setError(unsafe ? '这张图片不能用作头像，请换一张' : errorMessage(err, '头像上传失败，请重试'))
    } finally {
      setAvatarBusy(false)
    }
  }

  const onChooseAvatar = (e: { detail: { avatarUrl?: string } }) => {
    if (e.detail.avatarUrl) saveAvatar({ path: e.detail.avatarUrl })
  }
  const onPickInBrowser = async () => {
    const file = await chooseAvatarInBrowser()
    if (file) saveAvatar(file)
  }

  const shown = preview ?? avatarUrl
  const picture = shown ? (
    <Image className='profile-avatar-image' src={shown} mode='aspectFill' aria-label='我的头像' />
  ) : (
    <View className='profile-avatar-letter' aria-label='还没有头像'>
      {(nickname || '花').slice(0, 1)}
    </View>
  )

  return (
    <View className='account'>
      <View className='lrf-card account-card'>
        <Text className='account-heading'>头像</Text>
        <View className='profile-avatar-row'>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              className='profile-avatar-button'
              openType='chooseAvatar'
              onChooseAvatar={onChooseAvatar}
              disabled={avatarBusy || undefined}
              aria-label='选择头像'
            >
              {picture}
            </Button>
          ) : (
            <View className='profile-avatar-button' role='button' aria-label='选择头像' aria-disabled={avatarBusy} onClick={onPickInBrowser}>
              {picture}
            </View>
          )}
          <Text className='profile-avatar-hint'>{avatarBusy ? '头像上传中…' : avatarNote || '点头像换一张；头像经过微信图片安全检查后才公开显示。'}</Text>
        </View>
      </View>
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
