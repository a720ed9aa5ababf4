import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { openStore } from '../../services/admin-api'
import { errorMessage, toastError } from '../../services/request'
import { FIELDS, textProblem } from '../../../functions/contract/fields'

const LIMITS = { name: FIELDS.storeName, city: FIELDS.storeCity, address: FIELDS.storeAddress } as const
const LABELS = { name: '店名', city: '城市', address: '详细地址' } as const
type Field = keyof typeof LIMITS

/** A merchant's application to open a store; an admin reviews it before it can serve anyone. */
export default function StoreApply({ onOpened }: { onOpened: () => void }) {
  const [form, setForm] = useState<Record<Field, string>>({ name: '', city: '', address: '' })
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    for (const field of Object.keys(LIMITS) as Field[]) {
      const rule = LIMITS[field]
      if (textProblem(form[field].trim(), rule)) {
        setError(`${LABELS[field]}需要 ${rule.min}–${rule.max} 个字`)
        return
      }
    }
    setSaving(true)
    setError('')
    try {
      await openStore({ name: form.name.trim(), city: form.city.trim(), address: form.address.trim() })
      Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
      onOpened()
    } catch (err) {
      setError(errorMessage(err))
      toastError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='store-apply'>
      <Text className='lowcarbon-card-title'>申请开店</Text>
      {(Object.keys(LIMITS) as Field[]).map((field) => (
        <Input
          key={field}
          className={`lowcarbon-input store-apply-${field}`}
          type='text'
          placeholder={LABELS[field]}
          aria-label={LABELS[field]}
          value={form[field]}
          onInput={(e) => setForm((prev) => ({ ...prev, [field]: e.detail.value }))}
        />
      ))}
      {error ? <View className='lowcarbon-error store-apply-error'>{error}</View> : null}
      <Button className='lrf-button store-apply-submit' loading={saving} disabled={saving || undefined} onClick={submit}>
        提交审核
      </Button>
    </View>
  )
}
