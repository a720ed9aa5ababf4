// 爱心餐: stores by city, buying meals with WeChat Pay, my meals, the worker's claim and pass, the
// merchant's scan and statement, the roster. Typed by the contract's routes (`import type` only).
import Taro from '@tarojs/taro'
import type { AnswerOf, BodyOf } from '../../functions/contract'
import type {
  activeCitiesRoute,
  activeStoresRoute,
  checkDonationRoute,
  claimWorkerRoute,
  donateMealsRoute,
  employersRoute,
  importRosterRoute,
  mealPassRoute,
  myEmployersRoute,
  myMealsRoute,
  redeemMealRoute,
  registerEmployerRoute,
  revokeWorkerRoute,
  storeMealsRoute,
} from '../../functions/contract/meals'
import { IS_WEAPP } from './auth'
import { request } from './request'

const id = (value: string) => encodeURIComponent(value)

export type MealDonation = AnswerOf<typeof donateMealsRoute>['donation']
export type StoreWithMeals = AnswerOf<typeof activeStoresRoute>['items'][number]
export type MyMeal = AnswerOf<typeof myMealsRoute>['items'][number]
export type StoreMeals = AnswerOf<typeof storeMealsRoute>

/** Active stores of a city, each with its funded meals not yet eaten and the price of one meal. */
export function getStoresInCity(city: string, cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof activeStoresRoute>>('/stores', { query: { city, cursor, limit }, auth: false })
}

/** The cities with an active store: a donor picks one of these. */
export function getActiveCities() {
  return request<AnswerOf<typeof activeCitiesRoute>>('/stores/cities', { auth: false })
}

export function donateMeals(body: BodyOf<typeof donateMealsRoute>, idempotencyKey: string) {
  return request<AnswerOf<typeof donateMealsRoute>>('/meals/donations', { method: 'POST', body, idempotencyKey })
}

/** The donor's own donation; a pending one makes the server ask WeChat Pay. */
export function checkDonation(donationId: string) {
  return request<AnswerOf<typeof checkDonationRoute>>(`/meals/donations/${id(donationId)}/check`, { method: 'POST' })
}

/** The WeChat Pay sheet in the mini-program; in H5 (and locally) the server's fake WeChat Pay has paid already. */
export async function payInWechat(payment: AnswerOf<typeof donateMealsRoute>['payment']): Promise<void> {
  if (!IS_WEAPP) return
  await Taro.requestPayment({ ...payment })
}

export function getMyMeals(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof myMealsRoute>>('/me/meals', { query: { cursor, limit } })
}

export function claimWorker(body: BodyOf<typeof claimWorkerRoute>) {
  return request<AnswerOf<typeof claimWorkerRoute>>('/me/worker', { method: 'POST', body })
}

export function getMealPass() {
  return request<AnswerOf<typeof mealPassRoute>>('/me/meal-pass')
}

export function redeemMeal(storeId: string, pass: string, idempotencyKey: string) {
  const body: BodyOf<typeof redeemMealRoute> = { pass }
  return request<AnswerOf<typeof redeemMealRoute>>(`/stores/${id(storeId)}/redemptions`, { method: 'POST', body, idempotencyKey })
}

export function getStoreMeals(storeId: string, month?: string) {
  return request<AnswerOf<typeof storeMealsRoute>>(`/me/stores/${id(storeId)}/meals`, { query: { month } })
}

export function importRoster(body: BodyOf<typeof importRosterRoute>) {
  return request<AnswerOf<typeof importRosterRoute>>('/workers/roster', { method: 'POST', body })
}

export function revokeWorker(body: BodyOf<typeof revokeWorkerRoute>) {
  return request<AnswerOf<typeof revokeWorkerRoute>>('/workers/roster/revoke', { method: 'POST', body })
}

export type Employer = AnswerOf<typeof myEmployersRoute>['items'][number]

/** The employers whose rosters this charity keeps (an admin: every one). */
export function getMyEmployers(cursor?: string | null, limit = 100) {
  return request<AnswerOf<typeof myEmployersRoute>>('/workers/employers', { query: { cursor, limit } })
}

/** Admin: every registered employer and its charity. */
export function getEmployers(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof employersRoute>>('/admin/employers', { query: { cursor, limit } })
}

/** Admin: registers an employer to the one charity that keeps its roster. */
export function registerEmployer(body: BodyOf<typeof registerEmployerRoute>) {
  return request<AnswerOf<typeof registerEmployerRoute>>('/admin/employers', { method: 'POST', body })
}
