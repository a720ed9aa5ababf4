import { useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { ensureSignedIn } from '../../services/auth'
import { checkDonation, donateMeals, getActiveCities, getStoresInCity, payInWechat, type MealDonation, type StoreWithMeals } from '../../services/meals'
import { errorMessage, isRetryable, newIdempotencyKey } from '../../services/request'
import { askToSubscribe, preloadSubscribeTemplates } from '../../services/subscribe'
import { formatMoney } from '../../utils/format'
import { sleep } from '../../utils/sleep'
import './index.scss'

const CITY_KEY = 'lrf-meals-city'
const MAX_MEALS = 1000
const PAGE_SIZE = 20

/** A tap that got no final answer is resent with the same key (same store, same count): one order. */
interface Attempt {
  key: string
  storeId: string
  meals: number
}

/** After paying, the notification may come a little later: ask the server (which asks WeChat Pay) a few times. */
async function settled(donation: MealDonation): Promise<MealDonation> {
  let current = donation
  for (let attempt = 0; current.status === 'pending' && attempt < 5; attempt++) {
    await sleep(1000 * (attempt + 1))
    current = (await checkDonation(current.id)).donation
  }
  return current
}

/** 爱心餐: a donor finds the stores of a city and buys meals at one for sanitation workers, paying with WeChat Pay. */
export default function MealStoresPage() {
  const [searched, setSearched] = useState<string>(() => Taro.getStorageSync(CITY_KEY) || '')
  // The cities that have an active store: a donor picks one, never types one that has none.
  const [cities, setCities] = useState<string[] | null>(null)
  const [citiesError, setCitiesError] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const [count, setCount] = useState('1')
  const [paying, setPaying] = useState(false)
  const [problem, setProblem] = useState('')
  const [paid, setPaid] = useState<{ donation: MealDonation; storeName: string } | null>(null)
  const payingRef = useRef(false)
  const attemptRef = useRef<Attempt | null>(null)

  // The list's fetch reads the city from a ref, so a new search reloads at once with it.
  const searchedRef = useRef(searched)
  const list = usePagedList<StoreWithMeals>((cursor) => getStoresInCity(searchedRef.current, cursor, PAGE_SIZE))
  const loadCities = async () => {
    setCitiesError('')
    try {
      setCities((await getActiveCities()).cities)
    } catch (err) {
      setCitiesError(errorMessage(err, '城市列表加载失败'))
    }
  }

  usePageRefresh(async () => {
    preloadSubscribeTemplates()
    await Promise.all([loadCities(), searchedRef.current ? list.reload() : null])
  })

  const search = (wanted: string) => {
    Taro.setStorageSync(CITY_KEY, wanted)
    searchedRef.current = wanted
    setSearched(wanted)
    setOpen(null)
    setPaid(null)
    list.reload({ clear: true })
  }

  const meals = Number(count)
  const validCount = Number.isInteger(meals) && meals >= 1 && meals <= MAX_MEALS

  const buy = async (store: StoreWithMeals) => {
    if (payingRef.current) return
    if (!validCount) {
      setProblem(`请填写 1 到 ${MAX_MEALS} 之间的份数`)
      return
    }
    // WeChat opens the subscribe prompt only inside the tap, before any await; the payment sheet
    // opens only once that prompt is closed, never over it.
    const subscribePromptClosed = askToSubscribe(['meal_redeemed'])
    if (!(await ensureSignedIn())) return
    const previous = attemptRef.current
    const attempt = previous && previous.storeId === store.id && previous.meals === meals ? previous : { key: newIdempotencyKey(), storeId: store.id, meals }
    attemptRef.current = attempt
    payingRef.current = true
    setPaying(true)
    setProblem('')
    try {
      const ordered = await donateMeals({ storeId: store.id, meals }, attempt.key)
      attemptRef.current = null
      await subscribePromptClosed
      await payInWechat(ordered.payment)
      const donation = await settled(ordered.donation)
      if (donation.status !== 'paid') {
        setProblem('支付结果确认中，稍后可在“我捐的爱心餐”里查看')
        return
      }
      setPaid({ donation, storeName: store.name })
      setOpen(null)
      await list.reload({ quiet: true })
    } catch (err) {
      if (!isRetryable(err)) attemptRef.current = null
      const cancelled = (err as { errMsg?: string }).errMsg?.includes('cancel')
      setProblem(cancelled ? '已取消支付' : errorMessage(err, '下单失败，请稍后重试'))
    } finally {
      payingRef.current = false
      setPaying(false)
    }
  }

  const { items, loaded } = list
  return (
    <View className='meal-stores'>
      <View className='meal-stores-head'>
        <Text className='meal-stores-title'>爱心餐</Text>
        <Text className='lrf-muted'>为环卫工人买一份午餐。工人在门店出示核销码领取，吃上时我们会告诉你在哪、几点。</Text>
      </View>
      <View className='lrf-card meal-city' role='group' aria-label='选择城市'>
        <Text className='meal-city-label'>选择城市</Text>
        {cities === null && !citiesError ? <View className='lrf-hint meal-city-loading'>正在查找有爱心餐门店的城市…</View> : null}
        {citiesError ? (
          <View className='meal-city-error' role='alert'>
            <Text>{citiesError}</Text>
            <Button className='lrf-button-plain meal-city-retry' onClick={loadCities}>
              重试
            </Button>
          </View>
        ) : null}
        {cities && cities.length === 0 ? <View className='lrf-muted meal-city-none'>还没有开张的爱心餐门店，过几天再来看看吧</View> : null}
        {cities && cities.length > 0 ? (
          <View className='meal-city-options'>
            {cities.map((name) => (
              <View
                key={name}
                className={`meal-city-option ${name === searched ? 'meal-city-option-active' : ''}`}
                role='button'
                aria-label={`查看${name}的爱心餐门店`}
                aria-pressed={name === searched}
                onClick={() => search(name)}
              >
                {name}
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {paid ? (
        <View className='lrf-card meal-paid' role='status'>
          <Text className='meal-paid-title'>支付成功，谢谢你！</Text>
          <Text>
            {paid.donation.meals} 份爱心餐（{formatMoney(paid.donation.amountFen)}）已送到「{paid.storeName}」，等环卫工人来领取。
          </Text>
          <View className='meal-paid-link' role='button' onClick={() => Taro.navigateTo({ url: '/meals/mine/index' })}>
            查看我捐的爱心餐 ›
          </View>
        </View>
      ) : null}

      {!searched && cities && cities.length > 0 ? <View className='lrf-empty meal-stores-ask'>选一个城市，看看可以捐爱心餐的门店</View> : null}
      {searched && loaded && items.length === 0 ? <View className='lrf-empty meal-stores-empty'>{searched} 还没有爱心餐门店</View> : null}

      {items.map((store) => (
        <View key={store.id} className='lrf-card meal-store'>
          <View className='meal-store-head'>
            <Text className='meal-store-name'>{store.name}</Text>
            <Text className='meal-store-left'>待领 {store.mealsAvailable} 份</Text>
          </View>
          <Text className='lrf-muted meal-store-address'>{store.address}</Text>
          {open === store.id ? (
            <View className='meal-buy'>
              <View className='meal-buy-row'>
                <Text>份数</Text>
                <Input
                  className='meal-buy-count'
                  aria-label='捐几份'
                  type='number'
                  value={count}
                  maxlength={4}
                  onInput={(e) => {
                    setCount(e.detail.value)
                    setProblem('')
                  }}
                />
                <Text className='lrf-muted'>每份 {formatMoney(store.mealPriceFen)}</Text>
              </View>
              {problem ? (
                <View className='meal-buy-problem' role='alert'>
                  {problem}
                </View>
              ) : null}
              <Button className='lrf-button meal-buy-pay' disabled={paying || !validCount || undefined} onClick={() => buy(store)}>
                {paying ? '支付中…' : `微信支付 ${validCount ? formatMoney(meals * store.mealPriceFen) : '¥—'}`}
              </Button>
            </View>
          ) : (
            <Button
              className='lrf-button-plain meal-store-give'
              aria-label={`在${store.name}捐爱心餐`}
              onClick={() => {
                setOpen(store.id)
                setProblem('')
                setPaid(null)
              }}
            >
              捐爱心餐
            </Button>
          )}
        </View>
      ))}
      {searched ? <ListFooter prefix='meal-stores' list={list} end={items.length > 0} /> : null}
    </View>
  )
}
