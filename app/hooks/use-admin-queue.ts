import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '../services/request'
import { usePageRefresh } from './use-page-refresh'
import { usePagedList, type FetchPage } from './use-paged-list'
import { useRoleGate } from './use-role-gate'

/**
 * An admin queue page: the admin gate, the paged list (reloaded whenever the page shows), and one
 * decision at a time on a row — the row's buttons wait while it is sent, a refusal shows under the
 * row, and a row decided leaves the list (another admin's later decision would only be refused).
 */
export function useAdminQueue<T extends { id: string }>(fetchPage: FetchPage<T>) {
  const gate = useRoleGate('admin')
  const list = usePagedList<T>(fetchPage)
  const [busy, setBusy] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { check } = gate
  const { reload, setItems } = list
  const refresh = useCallback(async () => {
    if (await check()) await reload()
  }, [check, reload])
  usePageRefresh(refresh)

  const settle = async (item: T, send: () => Promise<unknown>, doneToast: string) => {
    setBusy(item.id)
    setErrors((prev) => ({ ...prev, [item.id]: '' }))
    try {
      await send()
      Taro.showToast({ title: doneToast, icon: 'success' })
      setItems((items) => items.filter((row) => row.id !== item.id))
    } catch (err) {
      setErrors((prev) => ({ ...prev, [item.id]: errorMessage(err) }))
    } finally {
      setBusy('')
    }
  }

  return { gate, list, busy, errors, settle }
}
