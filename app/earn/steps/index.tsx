import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { donateSteps, getStepDonations, previewSteps } from '../../services/earning-api'
import { IS_WEAPP, signInWithWechat } from '../../services/auth'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { useIdempotentTap } from '../../hooks/use-idempotent-tap'
import { classifyWechatFailure, openPermissionSettings, showPrivacyGuideAgain } from '../../services/privacy'
import { ApiError, errorMessage, isApiError, toastError } from '../../services/request'
import PrivacyPopup from '../../components/privacy-popup'
import type { StepDonation, StepDonationResult, StepsInput, StepsPreview } from '../../../functions/contract'
import { daysEndingWith, formatShanghaiDate, shortDate, formatMoney } from '../../utils/format'
import rules from '../../../config/rules.json'
import './index.scss'
import Icon from '../../components/icon'

// The server's own step rules: the server decides; the page uses them only to label itself before it answers.
const { stepsPerFlower: STEPS_PER_FLOWER, maxFlowersPerDay: MAX_FLOWERS_PER_DAY, minSteps: MIN_STEPS, maxStepsPerDay: MAX_STEPS_PER_DAY } = rules.steps
const PREVIEW_DEBOUNCE_MS = 400

/** A flower per full STEPS_PER_FLOWER steps, at most MAX_FLOWERS_PER_DAY a day. */
function estimateFlowers(steps: number): number {
  return Math.min(Math.floor(steps / STEPS_PER_FLOWER), MAX_FLOWERS_PER_DAY)
}

/**
 * WeRun was refused: the privacy guide ('privacy': only the guide shown again can undo it) or the
 * werun scope ('permission': only the settings page can).
 */
class WeRunRefusedError extends Error {
  constructor(readonly kind: 'privacy' | 'permission') {
    super('WERUN_REFUSED')
    Object.setPrototypeOf(this, WeRunRefusedError.prototype)
  }
}

/** A refused guide or scope becomes a WeRunRefusedError; anything else is passed on as it came. */
function refusalOf(err: unknown, fallback: 'permission' | null): unknown {
  const kind = classifyWechatFailure(err)
  if (kind === 'privacy' || kind === 'permission') return new WeRunRefusedError(kind)
  return fallback ? new WeRunRefusedError(fallback) : err
}

/** WeChat only: ask for scope.werun once, then read the encrypted 30-day step list. */
async function readWeRun(): Promise<StepsInput> {
  // The data is encrypted with the current session_key; an expired session would only make the
  // server answer INVALID_WERUN_DATA, so refresh it first.
  try {
    await Taro.checkSession()
  } catch {
    await signInWithWechat()
  }
  const setting = await Taro.getSetting()
  const granted = setting.authSetting['scope.werun']
  if (granted === false) throw new WeRunRefusedError('permission')
  if (!granted) {
    try {
      await Taro.authorize({ scope: 'scope.werun' })
    } catch (err) {
      // Any refusal of the prompt counts as a refused scope, unless it was the privacy guide.
      throw refusalOf(err, 'permission')
    }
  }
  try {
    const { encryptedData, iv } = await Taro.getWeRunData()
    return { encryptedData, iv }
  } catch (err) {
    throw refusalOf(err, null)
  }
}

/** Plain-number parse for the H5 input; null when it is not a whole number. */
function parseSteps(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,9}$/.test(trimmed)) return null
  return Number(trimmed)
}

function sameInput(a: StepsInput, b: StepsInput): boolean {
  if ('steps' in a && 'steps' in b) return a.steps === b.steps
  if ('encryptedData' in a && 'encryptedData' in b) return a.encryptedData === b.encryptedData && a.iv === b.iv
  return false
}

export default function StepsPage() {
  const [stepsText, setStepsText] = useState('')
  const [preview, setPreview] = useState<StepsPreview | null>(null)
  const [previewLoading, setPreviewLoading] = useState(false)
  const [previewError, setPreviewError] = useState('')
  const [weRunRefused, setWeRunRefused] = useState<WeRunRefusedError['kind'] | null>(null)

  const [donating, setDonating] = useState(false)
  const [result, setResult] = useState<StepDonationResult | null>(null)
  const [donateError, setDonateError] = useState('')
  const [donatedToday, setDonatedToday] = useState(false)

  const [history, setHistory] = useState<StepDonation[]>([])
  const [historyLoaded, setHistoryLoaded] = useState(false)
  const [historyError, setHistoryError] = useState('')

  // Bumped by every preview so a slow answer for older input never overwrites a newer one.
  const previewGenRef = useRef(0)
  // A tap whose answer never came (network/5xx): the next tap resends it with the same key.
  const donationTap = useIdempotentTap(sameInput)
  const donatingRef = useRef(false)

  const loadHistory = useCallback(async () => {
    try {
      const page = await getStepDonations(7)
      setHistory(page.items)
      setHistoryLoaded(true)
      setHistoryError('')
    } catch (err) {
      setHistoryError(errorMessage(err))
    }
  }, [])

  const runPreview = useCallback(async (input: StepsInput | null) => {
    const gen = ++previewGenRef.current
    setPreviewLoading(true)
    setPreviewError('')
    try {
      let value: StepsPreview
      if (IS_WEAPP) {
        let data = await readWeRun()
        try {
          value = await previewSteps(data)
        } catch (err) {
          if (!isApiError(err, 'INVALID_WERUN_DATA')) throw err
          // The server's session_key is stale: sign in again and retry once with fresh data.
          await signInWithWechat()
          data = await readWeRun()
          value = await previewSteps(data)
        }
      } else {
        value = await previewSteps(input ?? { steps: 0 })
      }
      if (gen !== previewGenRef.current) return
      setWeRunRefused(null)
      setPreview(value)
      if (value.donatedToday) setDonatedToday(true)
    } catch (err) {
      if (gen !== previewGenRef.current) return
      if (err instanceof WeRunRefusedError) {
        setWeRunRefused(err.kind)
        setPreviewError('')
      } else if (IS_WEAPP && !(err instanceof ApiError)) {
        setPreviewError('无法读取微信运动数据，请确认已在微信中开启“微信运动”')
      } else {
        setPreviewError(errorMessage(err, '暂时无法获取今日步数'))
      }
    } finally {
      if (gen === previewGenRef.current) setPreviewLoading(false)
    }
  }, [])

  const refresh = useCallback(async () => {
    const typed = parseSteps(stepsText)
    await Promise.all([runPreview(typed !== null && typed <= MAX_STEPS_PER_DAY ? { steps: typed } : null), loadHistory()])
  }, [runPreview, loadHistory, stepsText])

  usePageRefresh(() => refresh())

  // H5: preview what the typed steps would earn, once typing pauses.
  const lastTextRef = useRef(stepsText)
  useEffect(() => {
    // Only on edits: the first preview comes with the page refresh.
    if (IS_WEAPP || lastTextRef.current === stepsText) return
    lastTextRef.current = stepsText
    const typed = parseSteps(stepsText)
    if (typed === null || typed > MAX_STEPS_PER_DAY) {
      // Forget an older answer so the page never shows another number's preview.
      previewGenRef.current++
      setPreviewLoading(false)
      setPreview((prev) => (prev ? { ...prev, steps: 0, flowers: 0, match: null } : prev))
      return
    }
    const timer = setTimeout(() => runPreview({ steps: typed }), PREVIEW_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [stepsText, runPreview])

  const openWeRunSetting = async () => {
    try {
      const scopes = await openPermissionSettings()
      if (scopes['scope.werun']) {
        setWeRunRefused(null)
        runPreview(null)
      }
    } catch {
      Taro.showToast({ title: '无法打开设置，请稍后重试', icon: 'none' })
    }
  }

  const showGuideAgain = async () => {
    if (!(await showPrivacyGuideAgain())) return
    setWeRunRefused(null)
    runPreview(null)
  }

  const succeed = (res: StepDonationResult) => {
    setResult(res)
    setDonatedToday(true)
    setPreview((prev) => (prev ? { ...prev, donatedToday: true } : prev))
    Taro.showToast({ title: `+${res.flowers} 朵小红花`, icon: 'success' })
    loadHistory()
  }

  const onDonate = async () => {
    if (donatingRef.current) return
    let input: StepsInput
    if (!IS_WEAPP) {
      const typed = parseSteps(stepsText)
      if (typed === null) {
        Taro.showToast({ title: '请输入今日步数（整数）', icon: 'none' })
        return
      }
      if (typed > MAX_STEPS_PER_DAY) {
        Taro.showToast({ title: `一天的步数不能超过 ${MAX_STEPS_PER_DAY} 步`, icon: 'none' })
        return
      }
      input = { steps: typed }
    }

    donatingRef.current = true
    setDonating(true)
    setDonateError('')
    setResult(null)
    // WeChat: an unanswered tap is resent as it was; otherwise today's steps are read afresh.
    const donate = () => donationTap.run(IS_WEAPP ? { read: readWeRun } : { payload: input! }, ({ key, payload }) => donateSteps(payload, key))
    try {
      let res: StepDonationResult
      try {
        res = await donate()
      } catch (err) {
        if (!(IS_WEAPP && isApiError(err, 'INVALID_WERUN_DATA'))) throw err
        // Stale session_key: sign in again, and retry once with fresh data under a new key (the
        // old key already holds its final 400 answer).
        await signInWithWechat()
        res = await donate()
      }
      succeed(res)
    } catch (err) {
      if (err instanceof WeRunRefusedError) {
        setWeRunRefused(err.kind)
        return
      }
      if (isApiError(err, 'ALREADY_DONATED_TODAY')) {
        setDonatedToday(true)
        loadHistory()
      }
      const message = IS_WEAPP && !(err instanceof ApiError) ? '无法读取微信运动数据，请稍后重试' : errorMessage(err, '捐步失败，请稍后重试')
      setDonateError(message)
      toastError(err, message)
    } finally {
      donatingRef.current = false
      setDonating(false)
    }
  }

  const typedSteps = IS_WEAPP ? null : parseSteps(stepsText)
  const todaySteps = preview && (IS_WEAPP || preview.steps === typedSteps) ? preview.steps : (typedSteps ?? (IS_WEAPP ? null : 0))
  const todayFlowers = preview && (IS_WEAPP || preview.steps === typedSteps) ? preview.flowers : todaySteps !== null ? estimateFlowers(todaySteps) : null
  const match = preview && (IS_WEAPP || preview.steps === typedSteps) ? preview.match : null

  // The last 7 calendar days (Shanghai), oldest on the left; a day without a donation is an empty
  // bar. One donation a day, so the newest 7 donations cover the week.
  const today = preview?.date ?? formatShanghaiDate(new Date().toISOString())
  const byDay = new Map(history.map((d) => [d.date, d]))
  const bars = daysEndingWith(today, 7).map((date) => ({ date, donation: byDay.get(date) }))
  const donatedDays = bars.filter((b) => b.donation).length
  const maxSteps = bars.reduce((m, b) => Math.max(m, b.donation?.steps ?? 0), 0)
  const todaysDonation = byDay.get(today)
  // Once today is donated the box shows what was given, never what typing would still earn.
  const donatedSteps = result?.steps ?? todaysDonation?.steps ?? null
  const donatedFlowers = result?.flowers ?? todaysDonation?.flowers ?? null

  return (
    <View className='steps'>
      <PrivacyPopup />
      <View className='steps-hero'>
        <View className='lrf-icon-title'>
          <Icon name='steps' size={40} color='#fff' label='' />
          <Text className='steps-hero-title'>捐出今天的步数</Text>
        </View>
        <Text className='steps-hero-desc'>
          每满 {STEPS_PER_FLOWER} 步换 1 朵小红花，每天最多 {MAX_FLOWERS_PER_DAY} 朵，每天可捐一次。
        </Text>
      </View>

      <View className='lrf-card steps-card'>
        {IS_WEAPP || donatedToday ? null : (
          <View className='steps-field'>
            <Text className='steps-label'>今日步数</Text>
            <Input
              className='steps-input'
              type='number'
              placeholder='输入今天走的步数'
              maxlength={9}
              value={stepsText}
              onInput={(e) => setStepsText(e.detail.value)}
            />
            <View className='steps-note lrf-muted'>网页测试版没有微信运动，请手动输入今日步数；小程序内会自动读取微信运动。</View>
          </View>
        )}

        {IS_WEAPP && weRunRefused === 'permission' ? (
          <View className='steps-werun-denied'>
            <Text className='steps-werun-denied-text'>捐步需要读取你的微信运动步数。你已拒绝授权，请在设置中打开“微信运动步数”后再试。</Text>
            <Button className='lrf-button-plain steps-open-setting' onClick={openWeRunSetting}>
              去设置开启
            </Button>
          </View>
        ) : null}
        {IS_WEAPP && weRunRefused === 'privacy' ? (
          <View className='steps-werun-denied'>
            <Text className='steps-werun-denied-text'>捐步需要读取你的微信运动步数：需要你同意隐私保护指引后才能读取。</Text>
            <Button className='lrf-button-plain steps-privacy-guide' onClick={showGuideAgain}>
              查看隐私保护指引
            </Button>
          </View>
        ) : null}

        {donatedToday ? (
          <View className='steps-today steps-today-donated' aria-label='今日已捐'>
            <View className='steps-stat'>
              <Text className='steps-stat-value steps-donated-steps'>{donatedSteps ?? '-'}</Text>
              <Text className='steps-stat-label'>今日已捐步数</Text>
            </View>
            <View className='steps-stat-divider' />
            <View className='steps-stat'>
              <Text className='steps-stat-value steps-donated-flowers'>{donatedFlowers ?? '-'}</Text>
              <Text className='steps-stat-label'>已得小红花</Text>
            </View>
          </View>
        ) : (
          <View className='steps-today'>
            <View className='steps-stat'>
              <Text className='steps-stat-value steps-count'>{todaySteps !== null ? todaySteps : '-'}</Text>
              <Text className='steps-stat-label'>今日步数</Text>
            </View>
            <View className='steps-stat-divider' />
            <View className='steps-stat'>
              <Text className='steps-stat-value steps-flowers'>{todayFlowers !== null ? todayFlowers : '-'}</Text>
              <Text className='steps-stat-label'>可得小红花</Text>
            </View>
          </View>
        )}

        {previewLoading && !donatedToday ? <View className='lrf-hint steps-preview-loading'>正在计算…</View> : null}
        {previewError && !donatedToday ? <View className='steps-preview-error'>{previewError}</View> : null}
        {match && !donatedToday ? (
          <View className='steps-match-preview'>
            <Text className='steps-sponsor-logo'>{match.logoText}</Text>
            {match.sponsorName}将为你的步数配捐 {formatMoney(match.amountFen)}
          </View>
        ) : null}
        {todaySteps !== null && todaySteps > 0 && todaySteps < MIN_STEPS && !donatedToday ? (
          <View className='steps-hint lrf-muted'>满 {MIN_STEPS} 步才能捐哦，再走走吧</View>
        ) : null}

        <Button
          className={`lrf-button steps-donate ${donatedToday ? 'steps-donate-done' : ''}`}
          disabled={donating || donatedToday || undefined}
          onClick={onDonate}
        >
          {donating ? '正在捐步…' : donatedToday ? '今日已捐步' : '捐出今日步数'}
        </Button>

        {donatedToday && !result ? (
          <View className='steps-donated-today lrf-muted'>
            {todaysDonation ? `今天已捐出 ${todaysDonation.steps} 步，获得 ${todaysDonation.flowers} 朵小红花，明天再来吧` : '今天已经捐过步数啦，明天再来吧'}
          </View>
        ) : null}

        {result ? (
          <View className='steps-result'>
            <Text className='steps-result-main'>
              捐出 {result.steps} 步，获得 {result.flowers} 朵小红花
            </Text>
            {result.match ? (
              <View className='steps-result-match'>
                <Text className='steps-sponsor-logo'>{result.match.logoText}</Text>
                <Text>
                  {result.match.sponsorName}为你的步数配捐 {formatMoney(result.match.amountFen)}
                </Text>
              </View>
            ) : null}
            <Text className='steps-result-balance'>当前共有 {result.balance} 朵小红花</Text>
          </View>
        ) : null}

        {donateError ? <View className='steps-error'>{donateError}</View> : null}
      </View>

      <View className='lrf-section-title'>最近 7 天捐步</View>
      {historyLoaded && donatedDays > 0 ? (
        <View className='lrf-card steps-chart'>
          {bars.map(({ date, donation }) => (
            <View key={date} className={`steps-bar-col${donation ? '' : ' steps-bar-col-empty'}`}>
              <Text className='steps-bar-value'>{donation ? donation.steps : '—'}</Text>
              <View className='steps-bar-track'>
                {donation ? (
                  <View className='steps-bar' style={{ height: `${maxSteps > 0 ? Math.max(3, Math.round((donation.steps / maxSteps) * 100)) : 3}%` }} />
                ) : null}
              </View>
              <Text className='steps-bar-label'>{date === today ? '今天' : shortDate(date)}</Text>
              <Text className='steps-bar-flowers'>{donation ? `+${donation.flowers}` : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {historyLoaded && donatedDays === 0 ? (
        <View className='lrf-empty steps-chart-empty'>
          <Icon name='steps' className='lrf-empty-icon' size={96} />
          <Text>{history.length > 0 ? '最近 7 天没有捐步，今天就走起来吧' : '还没有捐步记录，今天就捐出第一次吧'}</Text>
        </View>
      ) : null}
      {!historyLoaded && historyError ? <View className='lrf-hint steps-history-error'>{historyError}</View> : null}
      {!historyLoaded && !historyError ? <View className='lrf-hint'>加载中…</View> : null}
    </View>
  )
}
