import { useCallback, useRef, useState } from 'react'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import LetterCard from '../../components/letter-card'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getDream } from '../../services/api'
import { getMyDreamLetters, resubmitLetter, submitLetter, uploadPhoto, type LetterInput } from '../../services/letters'
import { errorMessage, isApiError, toastError } from '../../services/request'
import type { Dream, LetterView, LineItemKind } from '../../../functions/contract'
import { FIELDS } from '../../../functions/contract/fields'
import { formatShanghaiDate, formatYuan, yuanToFen } from '../../utils/format'
import './index.scss'

interface Photo {
  id: string
  /** The local file, to show before the letter is sent. */
  path: string
}

interface Line {
  key: number
  description: string
  amount: string
  kind: LineItemKind
  /** A photo of the receipt (optional). */
  receipt?: Photo
}

const STATUS_LABELS: Record<string, string> = { in_review: '审核中', published: '已发布', rejected: '被退回' }
const DAY = /^\d{4}-\d{2}-\d{2}$/

const today = () => formatShanghaiDate(new Date().toISOString())
const dayAfter = (day: string) => formatShanghaiDate(new Date(Date.parse(`${day}T12:00:00+08:00`) + 24 * 3600 * 1000).toISOString())
/** A day as a time: noon in China, so it is that day wherever it is read. */
const noonOf = (day: string) => `${day}T12:00:00+08:00`

let lineKeys = 0
const newLine = (kind: LineItemKind = 'spend'): Line => ({ key: ++lineKeys, description: '', amount: '', kind })

/**
 * Charity: writes a monthly letter (story, photos and a statement that must reconcile) or a field
 * update for a dream it adopted; sees each one's review state and note, and sends a rejected one again.
 */
export default function CharityLetterPage() {
  const router = useRouter()
  const dreamId = router.params.dreamId ? decodeURIComponent(router.params.dreamId) : ''
  const [dream, setDream] = useState<Dream | null>(null)
  const [letters, setLetters] = useState<LetterView[]>([])
  const [missing, setMissing] = useState<string | null>(dreamId ? null : '没有找到这个梦想')
  const [loadError, setLoadError] = useState('')

  const [kind, setKind] = useState<'letter' | 'update'>('letter')
  const [editing, setEditing] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [day, setDay] = useState(today())
  const [periodStart, setPeriodStart] = useState('')
  const [periodEnd, setPeriodEnd] = useState(today())
  const [lines, setLines] = useState<Line[]>([newLine('spend')])
  const [photos, setPhotos] = useState<Photo[]>([])
  const [uploading, setUploading] = useState(false)
  const [sending, setSending] = useState(false)
  const [problems, setProblems] = useState<string[]>([])
  const sendingRef = useRef(false)

  // The balance this letter opens with: the last published letter's closing, else the dream's matched money.
  const lastPublished = letters.find((l) => l.status === 'published' && l.statement)
  const openingFen = lastPublished?.statement?.closingFen ?? dream?.matchedFen ?? 0

  const refresh = useCallback(async () => {
    if (!dreamId) return
    try {
      const [detail, mine] = await Promise.all([getDream(dreamId), getMyDreamLetters(dreamId)])
      setDream(detail.dream)
      setLetters(mine.items)
      setLoadError('')
      const last = mine.items.find((l) => l.status === 'published' && l.statement)?.statement
      setPeriodStart((current) => current || (last ? dayAfter(last.periodEnd) : formatShanghaiDate(detail.dream.adoptedAt ?? new Date().toISOString())))
    } catch (err) {
      if (isApiError(err, 'NOT_FOUND') || isApiError(err, 'FORBIDDEN')) setMissing('只有认领这个梦想的公益机构可以写来信')
      else setLoadError(errorMessage(err))
    }
  }, [dreamId])

  usePageRefresh(refresh)

  const sums = lines.reduce(
    (acc, line) => {
      const fen = yuanToFen(line.amount) ?? 0
      return line.kind === 'income' ? { ...acc, income: acc.income + fen } : { ...acc, spend: acc.spend + fen }
    },
    { income: 0, spend: 0 },
  )
  const closingFen = openingFen + sums.income - sums.spend

  const setLine = (key: number, patch: Partial<Line>) => setLines((prev) => prev.map((l) => (l.key === key ? { ...l, ...patch } : l)))

  /** Lets the charity pick up to `count` images and uploads each straight to the bucket. */
  const pickAndUpload = async (count: number, onUploaded: (photo: Photo) => void) => {
    if (uploading) return
    let chosen: Taro.chooseImage.SuccessCallbackResult
    try {
      chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    } catch {
      return // cancelled
    }
    setUploading(true)
    try {
      for (const file of chosen.tempFiles.slice(0, count)) {
        const picked = file as { path: string; size: number; type?: string; originalFileObj?: { type?: string } }
        const id = await uploadPhoto({ path: picked.path, size: picked.size, type: picked.type ?? picked.originalFileObj?.type })
        onUploaded({ id, path: file.path })
      }
    } catch (err) {
      toastError(err, '照片上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }

  const addPhotos = () => pickAndUpload(FIELDS.photosMax - photos.length, (photo) => setPhotos((prev) => [...prev, photo]))
  const addReceipt = (key: number) => pickAndUpload(1, (receipt) => setLine(key, { receipt }))

  const startEditing = (letter: LetterView) => {
    setEditing(letter.id)
    setKind(letter.kind)
    setTitle(letter.title)
    setBody(letter.body)
    setDay(formatShanghaiDate(letter.happenedAt))
    setPhotos(letter.photos.map((id, index) => ({ id, path: letter.photoUrls[index] ?? '' })))
    if (letter.statement) {
      setPeriodStart(letter.statement.periodStart)
      setPeriodEnd(letter.statement.periodEnd)
      setLines(
        letter.statement.lineItems.map((line) => ({
          key: ++lineKeys,
          description: line.description,
          amount: formatYuan(line.amountFen),
          kind: line.kind,
          ...(line.receiptPhoto ? { receipt: { id: line.receiptPhoto, path: line.receiptPhotoUrl ?? '' } } : {}),
        })),
      )
    }
    Taro.pageScrollTo({ selector: '.composer', duration: 200 }).catch(() => undefined)
  }

  /** What is wrong before sending, in words (the API checks again). */
  const check = (): string[] => {
    const found: string[] = []
    if ([...title.trim()].length < FIELDS.letterTitle.min) found.push(`标题至少 ${FIELDS.letterTitle.min} 个字`)
    if ([...body.trim()].length < FIELDS.letterBody.min) found.push(`正文至少 ${FIELDS.letterBody.min} 个字`)
    if (!DAY.test(day)) found.push('日期格式为 2026-10-31')
    if (kind === 'letter') {
      if (!DAY.test(periodStart) || !DAY.test(periodEnd)) found.push('请填写本期的起止日期（如 2026-10-01）')
      else if (periodStart > periodEnd) found.push('本期开始日期不能晚于结束日期')
      if (lines.some((l) => !l.description.trim() || yuanToFen(l.amount) === null)) found.push('每一笔收支都要写明用途和金额（元）')
      if (closingFen < 0) found.push('期末余额不能为负数，请核对支出')
    }
    return found
  }

  const send = async () => {
    if (sendingRef.current || uploading) return
    const found = check()
    setProblems(found)
    if (found.length > 0) return
    const input: LetterInput = {
      title: title.trim(),
      body: body.trim(),
      happenedAt: noonOf(day),
      ...(photos.length ? { photos: photos.map((p) => p.id) } : {}),
      ...(kind === 'letter'
        ? {
            statement: {
              periodStart,
              periodEnd,
              openingFen,
              closingFen,
              lineItems: lines.map((l) => ({
                description: l.description.trim(),
                amountFen: yuanToFen(l.amount)!,
                kind: l.kind,
                ...(l.receipt ? { receiptPhoto: l.receipt.id } : {}),
              })),
            },
          }
        : {}),
    }
    sendingRef.current = true
    setSending(true)
    try {
      if (editing) await resubmitLetter(editing, input)
      else await submitLetter(dreamId, input)
      Taro.showToast({ title: '已提交审核', icon: 'success' })
      setEditing(null)
      setTitle('')
      setBody('')
      setLines([newLine('spend')])
      setPhotos([])
      await refresh()
    } catch (err) {
      const details = (err as { details?: unknown }).details
      if (isApiError(err, 'LETTER_DOES_NOT_RECONCILE') && Array.isArray(details)) {
        setProblems(details.map((d: { message?: string }) => d.message ?? '账目对不上'))
      } else {
        setProblems([errorMessage(err, '提交失败，请稍后重试')])
      }
    } finally {
      sendingRef.current = false
      setSending(false)
    }
  }

  if (!dream) return <PageState root='composer-page' missing={missing} error={loadError} />

  return (
    <View className='composer-page'>
      <View className='composer-dream'>
        <Text className='lrf-muted'>给支持者写信</Text>
        <Text className='composer-dream-title'>「{dream.title}」</Text>
        <Text className='lrf-muted composer-dream-meta'>
          {dream.donorCount} 位支持者 · 配捐 ¥{formatYuan(dream.matchedFen)}
        </Text>
      </View>

      {letters.length > 0 ? <View className='lrf-section-title'>已写的来信</View> : null}
      {letters.map((letter) => (
        <View key={letter.id} className={`composer-sent composer-sent-${letter.status}`}>
          <Text className={`composer-status composer-status-${letter.status}`}>{STATUS_LABELS[letter.status]}</Text>
          <LetterCard letter={letter} full />
          {letter.status === 'rejected' ? (
            <View className='composer-rejected'>
              <Text className='composer-note'>审核意见：{letter.reviewNote || '（无）'}</Text>
              <Button className='lrf-button-plain composer-edit' onClick={() => startEditing(letter)}>
                修改后重新提交
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      <View className='lrf-section-title'>{editing ? '修改被退回的来信' : '写一封新的'}</View>
      <View className='lrf-card composer'>
        <View className='composer-kinds' role='radiogroup' aria-label='类型'>
          {(['letter', 'update'] as const).map((k) => (
            <View
              key={k}
              role='radio'
              aria-checked={kind === k}
              className={`composer-kind composer-kind-${k} ${kind === k ? 'composer-kind-active' : ''}`}
              onClick={() => setKind(k)}
            >
              {k === 'letter' ? '月度来信（含收支）' : '执行反馈（无金额）'}
            </View>
          ))}
        </View>

        <Text className='composer-label'>标题</Text>
        <Input
          className='composer-input composer-title'
          placeholder='如：十月的来信'
          value={title}
          maxlength={FIELDS.letterTitle.max * 2}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Text className='composer-label'>{kind === 'letter' ? '本期的故事' : '发生了什么'}</Text>
        <Textarea
          className='composer-textarea composer-body'
          placeholder='告诉支持者这段时间做了什么、孩子们/受助的人有什么变化'
          value={body}
          maxlength={FIELDS.letterBody.max * 2}
          onInput={(e) => setBody(e.detail.value)}
        />
        <Text className='composer-label'>日期</Text>
        <Input className='composer-input composer-day' placeholder='2026-10-31' value={day} onInput={(e) => setDay(e.detail.value)} />

        {kind === 'letter' ? (
          <View className='composer-statement'>
            <Text className='composer-label'>本期起止</Text>
            <View className='composer-period'>
              <Input
                className='composer-input composer-period-start'
                aria-label='本期开始日期'
                value={periodStart}
                onInput={(e) => setPeriodStart(e.detail.value)}
              />
              <Text className='composer-period-to'>至</Text>
              <Input className='composer-input composer-period-end' aria-label='本期结束日期' value={periodEnd} onInput={(e) => setPeriodEnd(e.detail.value)} />
            </View>
            <View className='composer-sum-row'>
              <Text>期初余额（{lastPublished ? '上一封来信的期末' : '梦想的配捐'}）</Text>
              <Text className='composer-opening'>¥{formatYuan(openingFen)}</Text>
            </View>
            {lines.map((line, index) => (
              <View key={line.key} className='composer-line'>
                <View
                  className={`composer-line-kind composer-line-${line.kind}`}
                  role='switch'
                  aria-checked={line.kind === 'income'}
                  aria-label={`第 ${index + 1} 笔：${line.kind === 'income' ? '收入' : '支出'}，点击切换`}
                  onClick={() => setLine(line.key, { kind: line.kind === 'income' ? 'spend' : 'income' })}
                >
                  {line.kind === 'income' ? '收入' : '支出'}
                </View>
                <Input
                  className='composer-input composer-line-description'
                  aria-label={`第 ${index + 1} 笔的用途`}
                  placeholder='用途，如：书架两组'
                  value={line.description}
                  maxlength={FIELDS.lineItemDescription.max * 2}
                  onInput={(e) => setLine(line.key, { description: e.detail.value })}
                />
                <Input
                  className='composer-input composer-line-amount'
                  aria-label={`第 ${index + 1} 笔的金额（元）`}
                  type='digit'
                  placeholder='金额（元）'
                  value={line.amount}
                  onInput={(e) => setLine(line.key, { amount: e.detail.value })}
                />
                {line.receipt ? (
                  <View className='composer-receipt'>
                    <Image className='composer-receipt-photo' src={line.receipt.path} mode='aspectFill' aria-label={`第 ${index + 1} 笔的收据`} />
                    <View
                      className='composer-receipt-remove'
                      role='button'
                      aria-label={`移除第 ${index + 1} 笔的收据`}
                      onClick={() => setLine(line.key, { receipt: undefined })}
                    >
                      移除收据
                    </View>
                  </View>
                ) : (
                  <View
                    className={`composer-add-receipt ${uploading ? 'composer-add-receipt-busy' : ''}`}
                    role='button'
                    aria-label={`给第 ${index + 1} 笔附收据照片`}
                    aria-disabled={uploading}
                    onClick={() => addReceipt(line.key)}
                  >
                    {uploading ? '上传中…' : '附收据'}
                  </View>
                )}
                {lines.length > 1 ? (
                  <View
                    className='composer-line-remove'
                    role='button'
                    aria-label={`删除第 ${index + 1} 笔`}
                    onClick={() => setLines((prev) => prev.filter((l) => l.key !== line.key))}
                  >
                    删除
                  </View>
                ) : null}
              </View>
            ))}
            {lines.length < FIELDS.lineItemsMax ? (
              <Button className='lrf-button-plain composer-add-line' onClick={() => setLines((prev) => [...prev, newLine('spend')])}>
                添加一笔收支
              </Button>
            ) : null}
            <View className='composer-sum-row'>
              <Text>本期收入 / 支出</Text>
              <Text>
                +¥{formatYuan(sums.income)} / -¥{formatYuan(sums.spend)}
              </Text>
            </View>
            <View className='composer-sum-row composer-closing-row'>
              <Text>期末余额（结转下期）</Text>
              <Text className={`composer-closing ${closingFen < 0 ? 'composer-closing-negative' : ''}`}>¥{formatYuan(closingFen)}</Text>
            </View>
          </View>
        ) : null}

        <Text className='composer-label'>照片（最多 {FIELDS.photosMax} 张，每张不超过 5MB）</Text>
        <View className='composer-photos'>
          {photos.map((photo, index) => (
            <View key={photo.id} className='composer-photo-box'>
              <Image className='composer-photo' src={photo.path} mode='aspectFill' aria-label={`第 ${index + 1} 张照片`} />
              <View
                className='composer-photo-remove'
                role='button'
                aria-label={`移除第 ${index + 1} 张照片`}
                onClick={() => setPhotos((prev) => prev.filter((p) => p.id !== photo.id))}
              >
                移除
              </View>
            </View>
          ))}
          {photos.length < FIELDS.photosMax ? (
            <Button className='lrf-button-plain composer-add-photo' disabled={uploading || undefined} onClick={addPhotos}>
              {uploading ? '上传中…' : '添加照片'}
            </Button>
          ) : null}
        </View>

        {problems.length > 0 ? (
          <View className='composer-problems' role='alert'>
            {problems.map((p) => (
              <Text key={p} className='composer-problem'>
                {p}
              </Text>
            ))}
          </View>
        ) : null}
        <Button className='lrf-button composer-send' disabled={sending || uploading || undefined} onClick={send}>
          {sending ? '提交中…' : editing ? '重新提交审核' : '提交审核'}
        </Button>
        <Text className='lrf-muted composer-hint'>提交后由平台审核，照片需通过微信图片安全检测；发布后每位支持者都会收到这封信。</Text>
      </View>
    </View>
  )
}
