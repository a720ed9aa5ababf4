import { useRef, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { proposeDream } from '../../services/api'
import { askToSubscribe, preloadSubscribeTemplates } from '../../services/subscribe'
import { ensureSignedIn } from '../../services/auth'
import { errorMessage, toastError } from '../../services/request'
import type { DreamCategory, ProposeDreamInput } from '../../../functions/contract'
import { FIELDS, codePoints, intProblem, textProblem } from '../../../functions/contract/fields'
import { DREAM_CATEGORIES } from '../../utils/format'
import PhotoPicker, { type PickedPhoto } from '../../components/photo-picker'
import './index.scss'
import Icon from '../../components/icon'

// The API's own field rules (functions/contract/fields.ts), the ones its schema runs.
const { dreamTitle: TITLE, dreamStory: STORY, dreamTargetFlowers: TARGET, dreamBeneficiaries: BENEFICIARIES } = FIELDS

interface Draft {
  title: string
  story: string
  category: DreamCategory | ''
  target: string
  /** Uploaded already (the picker uploads as soon as it is chosen); the dream names it by id. */
  cover: PickedPhoto | null
  beneficiaries: string
}

const parseWhole = (text: string): number | null => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null)

/** The first problem with the draft, in reading order, or the body to send. */
function validate(d: Draft): { error: string } | { input: ProposeDreamInput } {
  const title = d.title.trim()
  const story = d.story.trim()
  const titleLen = codePoints(title)
  const storyLen = codePoints(story)
  if (textProblem(title, TITLE)) {
    return { error: `梦想标题需要 ${TITLE.min}–${TITLE.max} 个字（现在 ${titleLen} 个字）` }
  }
  if (textProblem(story, STORY)) {
    return { error: `梦想故事需要 ${STORY.min}–${STORY.max} 个字（现在 ${storyLen} 个字）` }
  }
  if (!d.category) return { error: '请选择梦想的类别' }
  const target = parseWhole(d.target)
  if (target === null || intProblem(target, TARGET)) {
    return { error: `目标小红花需要是 ${TARGET.min}–${TARGET.max} 之间的整数` }
  }
  const input: ProposeDreamInput = { title, story, category: d.category, targetFlowers: target }
  if (d.cover) input.coverUploadId = d.cover.id
  const people = d.beneficiaries.trim()
  if (people) {
    const n = parseWhole(people)
    if (n === null || intProblem(n, BENEFICIARIES)) return { error: `受益人数需要是 ${BENEFICIARIES.min}–${BENEFICIARIES.max} 之间的整数` }
    input.beneficiaries = n
  }
  return { input }
}

const EMPTY: Draft = { title: '', story: '', category: '', target: '', cover: null, beneficiaries: '' }

export default function DreamProposePage() {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [submitting, setSubmitting] = useState(false)
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState('')
  const submittingRef = useRef(false)

  useDidShow(() => {
    ensureSignedIn()
    preloadSubscribeTemplates()
  })

  const set = (field: Exclude<keyof Draft, 'cover'>) => (value: string) => {
    setDraft((prev) => ({ ...prev, [field]: value }))
    setError('')
  }
  const setCover = (cover: PickedPhoto | null) => {
    setDraft((prev) => ({ ...prev, cover }))
    setError('')
  }

  const onSubmit = async () => {
    // A cover still uploading would be left out: wait for it.
    if (submittingRef.current || uploading) return
    const checked = validate(draft)
    if ('error' in checked) {
      setError(checked.error)
      Taro.showToast({ title: checked.error, icon: 'none', duration: 2500 })
      return
    }
    // In the tap, before any wait: may WeChat tell the proposer when the dream reaches its target?
    askToSubscribe(['dream_executable'])
    submittingRef.current = true
    setSubmitting(true)
    setError('')
    try {
      await proposeDream(checked.input)
      setDraft(EMPTY)
      Taro.showToast({ title: '已提交，等待审核', icon: 'success', duration: 1500 })
      setTimeout(() => {
        Taro.redirectTo({ url: '/pages/my-dreams/index' }).catch(() => Taro.navigateBack())
      }, 900)
    } catch (err) {
      setError(errorMessage(err, '提交失败，请稍后重试'))
      toastError(err, '提交失败，请稍后重试')
    } finally {
      submittingRef.current = false
      setSubmitting(false)
    }
  }

  const titleLen = codePoints(draft.title.trim())
  const storyLen = codePoints(draft.story.trim())

  return (
    <View className='propose'>
      <View className='propose-intro'>
        <View className='lrf-icon-title'>
          <Icon name='dream' size={40} color='#fff' label='' />
          <Text className='propose-intro-title'>说出一个真实的梦想</Text>
        </View>
        <Text className='propose-intro-desc'>提交后由管理员审核，通过后出现在梦想广场，大家可以用小红花支持它。</Text>
      </View>

      <View className='lrf-card propose-form'>
        <View className='propose-field'>
          <View className='propose-label-row'>
            <Text className='propose-label'>梦想标题</Text>
            <Text className={`propose-count ${titleLen > TITLE.max ? 'propose-count-over' : ''}`}>
              {titleLen}/{TITLE.max}
            </Text>
          </View>
          <Input
            className='propose-input propose-title'
            type='text'
            placeholder={`${TITLE.min}–${TITLE.max} 个字，例如：给山里的孩子一间图书角`}
            maxlength={TITLE.max * 2}
            value={draft.title}
            onInput={(e) => set('title')(e.detail.value)}
          />
        </View>

        <View className='propose-field'>
          <View className='propose-label-row'>
            <Text className='propose-label'>梦想故事</Text>
            <Text className={`propose-count ${storyLen > STORY.max ? 'propose-count-over' : ''}`}>
              {storyLen}/{STORY.max}
            </Text>
          </View>
          <Textarea
            className='propose-textarea propose-story'
            placeholder={`${STORY.min}–${STORY.max} 个字：谁需要帮助，现在怎样，小红花能带来什么改变`}
            maxlength={STORY.max * 2}
            value={draft.story}
            onInput={(e) => set('story')(e.detail.value)}
          />
        </View>

        <View className='propose-field'>
          <Text className='propose-label'>类别</Text>
          <View className='propose-category'>
            {DREAM_CATEGORIES.map((c) => (
              <View
                key={c.value}
                className={`propose-chip propose-category-${c.value} ${draft.category === c.value ? 'propose-chip-active' : ''}`}
                onClick={() => set('category')(c.value)}
              >
                <Icon name={c.icon} size={32} label='' /> {c.label}
              </View>
            ))}
          </View>
        </View>

        <View className='propose-field'>
          <Text className='propose-label'>目标小红花（朵）</Text>
          <Input
            className='propose-input propose-target'
            type='number'
            placeholder={`${TARGET.min}–${TARGET.max}`}
            maxlength={9}
            value={draft.target}
            onInput={(e) => set('target')(e.detail.value)}
          />
        </View>

        <View className='propose-field'>
          <Text className='propose-label'>封面图片（选填）</Text>
          <PhotoPicker
            className='propose-cover'
            purpose='dream_cover'
            photos={draft.cover ? [draft.cover] : []}
            max={1}
            onAdd={setCover}
            onRemove={() => setCover(null)}
            busy={uploading}
            onBusyChange={setUploading}
            labels={{
              add: '＋ 选择封面',
              addAria: '选择梦想的封面图片',
              photo: () => '梦想的封面图片',
              remove: '移除',
              removeAria: () => '移除封面图片',
            }}
          />
          <Text className='propose-hint'>封面通过微信图片安全检查后才会公开展示。</Text>
        </View>

        <View className='propose-field'>
          <Text className='propose-label'>能帮助多少人（选填）</Text>
          <Input
            className='propose-input propose-beneficiaries'
            type='number'
            placeholder='受益人数'
            maxlength={9}
            value={draft.beneficiaries}
            onInput={(e) => set('beneficiaries')(e.detail.value)}
          />
        </View>

        {error ? <View className='propose-error'>{error}</View> : null}

        <Button className='lrf-button propose-submit' disabled={submitting || uploading || undefined} onClick={onSubmit}>
          {submitting ? '正在提交…' : uploading ? '封面上传中…' : '提交审核'}
        </Button>
      </View>
    </View>
  )
}
