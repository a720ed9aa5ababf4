import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getMyMeals, type MyMeal } from '../../services/meals'
import { formatShanghaiTime, formatMoney } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 20
const STATUS_LABELS: Record<string, string> = { pending: '待支付', paid: '已支付', refunded: '已退款' }

/** The donor's love meals: each purchase, how many were eaten, and where and when each one was. */
export default function MyMealsPage() {
  const list = usePagedList<MyMeal & { id: string }>(async (cursor) => {
    const page = await getMyMeals(cursor, PAGE_SIZE)
    return { items: page.items.map((item) => ({ ...item, id: item.donation.id })), nextCursor: page.nextCursor }
  })
  usePageRefresh(() => list.reload())
  const { items, loaded } = list

  return (
    <View className='my-meals'>
      {loaded && items.length === 0 ? (
        <View className='lrf-empty my-meals-empty'>
          <Text>还没有捐过爱心餐</Text>
          <View className='my-meals-go' role='button' onClick={() => Taro.navigateTo({ url: '/meals/stores/index' })}>
            去捐一份 ›
          </View>
        </View>
      ) : null}
      {items.map(({ donation, store, eaten }) => (
        <View key={donation.id} className={`lrf-card my-meal my-meal-${donation.status}`}>
          <View className='my-meal-head'>
            <Text className='my-meal-store'>{store.name}</Text>
            <Text className={`my-meal-status my-meal-status-${donation.status}`}>{STATUS_LABELS[donation.status] ?? donation.status}</Text>
          </View>
          <Text className='lrf-muted my-meal-meta'>
            {donation.meals} 份 · {formatMoney(donation.amountFen)} · {formatShanghaiTime(donation.createdAt)}
          </Text>
          {donation.status !== 'pending' ? (
            <Text className='my-meal-progress'>
              已享用 {eaten.length} 份，待领取 {donation.meals - eaten.length - donation.refundedMeals} 份
              {donation.refundedMeals > 0 ? `，已退款 ${donation.refundedMeals} 份（门店暂停营业，退回微信支付）` : ''}
            </Text>
          ) : null}
          {eaten.length > 0 ? (
            <View className='my-meal-eaten' aria-label='享用记录'>
              {eaten.map((meal, index) => (
                <Text key={`${meal.at}-${index}`} className='my-meal-eaten-row'>
                  你捐的爱心餐已被享用 · {meal.storeName} · {formatShanghaiTime(meal.at)}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ))}
      <ListFooter prefix='my-meals' list={list} end={items.length > 0} />
    </View>
  )
}
