// What the sign page asks of the phone: a scanned slip, a photo, a location, and the network.
import Taro from '@tarojs/taro'
import type { QueuedLocation } from './signoff-queue'

// A fix vaguer than this is what a phone gives when precise location is off (iOS 14+, Android 12+).
const FUZZY_ACCURACY_M = 1000

/** The text of a scanned slip (WeChat's camera scanner); null when the person cancels. */
export async function scanSlip(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result || null
  } catch {
    return null
  }
}

/** One photo of the hand-over, from the camera or the album: its temp path (and type, where H5 knows it). */
export async function choosePhoto(): Promise<{ path: string; type?: string } | null> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      const file = res.tempFiles[0]
      return file ? { path: file.tempFilePath } : null
    }
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    const file = res.tempFiles[0] as { path: string; type?: string; originalFileObj?: { type?: string } } | undefined
    return file ? { path: file.path, type: file.type ?? file.originalFileObj?.type } : null
  } catch {
    return null
  }
}

/**
 * Where the phone is, as precisely as it will say, with how precise that is. A vague fix is marked
 * fuzzy; the server marks such sign-offs 可疑 rather than trusting them. WeChat does not tell a
 * mocked location apart, so `mocked` is sent only where the platform says so.
 */
export async function currentLocation(): Promise<QueuedLocation> {
  const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
  const accuracyM = Math.max(0, Math.round(res.horizontalAccuracy || res.accuracy || 0))
  return { lat: res.latitude, lng: res.longitude, accuracyM, ...(accuracyM > FUZZY_ACCURACY_M ? { fuzzy: true } : {}) }
}

/** Whether the phone has a network now (true when it cannot tell). */
export async function isOnline(): Promise<boolean> {
  try {
    const res = await Taro.getNetworkType()
    return res.networkType !== 'none'
  } catch {
    return true
  }
}

/** Calls `onBack` each time the network returns; returns the unsubscribe. */
export function onNetworkBack(onBack: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) onBack()
  }
  Taro.onNetworkStatusChange(listener)
  // H5's own event, which every browser fires (Taro's H5 listener needs navigator.connection).
  const onOnline = () => onBack()
  if (process.env.TARO_ENV === 'h5') window.addEventListener('online', onOnline)
  return () => {
    Taro.offNetworkStatusChange?.(listener)
    if (process.env.TARO_ENV === 'h5') window.removeEventListener('online', onOnline)
  }
}
