import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LetterView } from '../../../functions/contract'
import { formatShanghaiDate } from '../../utils/format'
import LetterStatement from '../letter-statement'
import './index.scss'

const VERDICT_LABELS: Record<string, string> = { pending: '检测中', pass: '已通过', risky: '有风险', review: '需人工复核' }

interface Props {
  letter: LetterView
  /** The whole letter (story, photos, statement); otherwise a summary line. */
  full?: boolean
  onOpen?: () => void
}

/** A letter or field update: kind and date, title, the story, photos (tap to enlarge) and its statement. */
export default function LetterCard({ letter, full = false, onOpen }: Props) {
  const preview = (index: number) => {
    Taro.previewImage({ urls: letter.photoUrls, current: letter.photoUrls[index] }).catch(() => undefined)
  }
  const when = letter.publishedAt ?? letter.createdAt
  return (
    <View className={`lrf-card letter-card letter-${letter.kind}${letter.retraction ? ' letter-card-retracted' : ''}`} onClick={onOpen}>
      <View className='letter-card-head'>
        <Text className={`letter-kind letter-kind-${letter.kind}`}>{letter.kind === 'letter' ? '小红花来信' : '执行反馈'}</Text>
        <Text className='lrf-muted letter-date'>{formatShanghaiDate(when)}</Text>
      </View>
      <Text className='letter-title'>{letter.title}</Text>
      {letter.retraction ? <Text className='letter-retracted'>已撤回 · {letter.retraction.reason}</Text> : null}
      {letter.corrects ? <Text className='lrf-muted letter-corrects'>更正此前的一封来信</Text> : null}
      <Text className={full ? 'letter-body' : 'letter-body letter-body-short'}>{letter.body}</Text>
      {letter.photoUrls.length > 0 ? (
        <View className='letter-photos'>
          {letter.photoUrls.map((url, index) => (
            <View key={url} className='letter-photo-box'>
              <Image
                className='letter-photo'
                src={url}
                mode='aspectFill'
                aria-label={`第 ${index + 1} 张照片，点击放大`}
                onClick={(event) => {
                  event.stopPropagation()
                  preview(index)
                }}
              />
              {letter.photoChecks ? (
                <Text className={`letter-photo-check letter-photo-${letter.photoChecks[index]?.verdict ?? 'pending'}`}>
                  微信检测：{VERDICT_LABELS[letter.photoChecks[index]?.verdict ?? 'pending']}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {full && letter.statement ? <LetterStatement statement={letter.statement} checks={letter.photoChecks} dreamId={letter.dreamId} /> : null}
      {!full && letter.statement ? <Text className='lrf-muted letter-more'>含本期收支明细 ›</Text> : null}
    </View>
  )
}
