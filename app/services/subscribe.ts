import Taro from '@tarojs/taro'
import type { AnswerOf, SubscribeTopic } from '../../functions/contract'
import type { recordSubscriptionsRoute, subscribeTemplatesRoute } from '../../functions/contract/events'
import { request } from './request'

// WeChat subscribe messages (订阅消息). WeChat opens its prompt only from inside a tap, so the
// template ids are loaded ahead of time and the prompt is asked for synchronously in the tap.
// H5 has no WeChat to send through: everything here is a no-op there.

let templateIds: Partial<Record<SubscribeTopic, string>> | null = null
let loading = false

/** Loads the template ids once (on the pages where a person gives, proposes or buys). */
export function preloadSubscribeTemplates(): void {
  if (process.env.TARO_ENV !== 'weapp' || templateIds || loading) return
  loading = true
  request<AnswerOf<typeof subscribeTemplatesRoute>>('/subscriptions/templates', { auth: false })
    .then((answer) => {
      const ids: Partial<Record<SubscribeTopic, string>> = {}
      for (const { topic, templateId } of answer.templates) if (templateId) ids[topic] = templateId
      templateIds = ids
    })
    .catch(() => undefined)
    .finally(() => {
      loading = false
    })
}

/**
 * Asks, inside the tap that gives, proposes or buys, whether WeChat may tell the person later.
 * Call it before any await of the tap handler. What they accept is counted by the server (one
 * message per accepted template); refusing, or an error, changes nothing else. Resolves once the
 * prompt is closed (at once when there is none), so a payment sheet can wait for it instead of
 * opening over it.
 */
export function askToSubscribe(topics: SubscribeTopic[]): Promise<void> {
  const ids = templateIds
  if (process.env.TARO_ENV !== 'weapp' || !ids) return Promise.resolve()
  const wanted = topics.filter((topic) => ids[topic])
  if (!wanted.length) return Promise.resolve()
  const answered = Taro.requestSubscribeMessage({ tmplIds: wanted.map((topic) => ids[topic]!), entityIds: [] })
  answered
    .then((result) => {
      const answers = result as unknown as Record<string, string>
      const accepted = wanted.filter((topic) => answers[ids[topic]!] === 'accept')
      if (!accepted.length) return
      return request<AnswerOf<typeof recordSubscriptionsRoute>>('/me/subscriptions', { method: 'POST', body: { accepted } })
    })
    .catch(() => undefined)
  return answered.then(
    () => undefined,
    () => undefined,
  )
}
