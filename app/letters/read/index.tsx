import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { shareTitle } from '../../utils/share'
import LetterCard from '../../components/letter-card'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getLetter, getMyLetters, markLetterRead } from '../../services/letters'
import { isSignedIn } from '../../services/auth'
import { letterboxHint, markReadIfInLetterbox } from './mark-read'
import { errorMessage, isApiError } from '../../services/request'
import type { LetterView } from '../../../functions/contract'
import './index.scss'

// An unread letter is a recent one: the newest page of the letterbox is enough to find it.
const NEWEST_LETTERS = 50

/** One letter: the story, photos (tap to enlarge) and its statement; opening it marks it read. */
export default function LetterReadPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  const hint = letterboxHint(router.params.box)
  const [letter, setLetter] = useState<{ letter: LetterView; dreamTitle: string } | null>(null)
  const [missing, setMissing] = useState<string | null>(id ? null : '没有找到这封来信')
  const [error, setError] = useState('')

  const refresh = useCallback(async () => {
    if (!id) return
    try {
      const found = await getLetter(id)
      setLetter(found)
      setError('')
      // Read now, if it is in this person's letterbox; nobody else has anything to mark.
      markReadIfInLetterbox(id, hint, {
        signedIn: isSignedIn,
        newestLetterbox: () => getMyLetters(null, NEWEST_LETTERS),
        markRead: markLetterRead,
      }).catch(() => undefined)
    } catch (err) {
      if (isApiError(err, 'NOT_FOUND')) setMissing('没有找到这封来信')
      else setError(errorMessage(err))
    }
  }, [id, hint])

  usePageRefresh(refresh)

  // Only a published, standing letter's title is public; anything else shares a fixed title.
  const letterShareTitle = () =>
    shareTitle(letter?.letter.title, letter?.letter.status === 'published' && !letter.letter.retraction, (title) => `小红花来信：${title}`, '小红花来信')
  useShareAppMessage(() => ({ title: letterShareTitle(), path: `/letters/read/index?id=${encodeURIComponent(id)}` }))
  useShareTimeline(() => ({ title: letterShareTitle(), query: `id=${encodeURIComponent(id)}` }))

  if (!letter) return <PageState root='letter-read' missing={missing} error={error} onRetry={refresh} />

  const openDream = () => {
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(letter.letter.dreamId)}` }).catch(() => undefined)
  }

  return (
    <View className='letter-read'>
      <View className='letter-read-dream' role='link' aria-label={`来自梦想「${letter.dreamTitle}」，查看梦想`} onClick={openDream}>
        <Text className='lrf-muted'>来自梦想</Text>
        <Text className='letter-read-dream-title'>「{letter.dreamTitle}」 ›</Text>
      </View>
      <LetterCard letter={letter.letter} full />
    </View>
  )
}
