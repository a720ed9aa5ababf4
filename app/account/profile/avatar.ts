import Taro from '@tarojs/taro'

/** A chosen avatar image as the upload needs it. */
export interface ChosenAvatar {
  path: string
  size?: number
  type?: string
}

/**
 * H5 has no `chooseAvatar` button: the person picks a photo with chooseMedia instead. Resolves
 * with null when they cancel.
 */
export async function chooseAvatarInBrowser(): Promise<ChosenAvatar | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const file = res.tempFiles[0] as (typeof res.tempFiles)[number] & { originalFileObj?: { type?: string } }
    return file ? { path: file.tempFilePath, size: file.size, type: file.originalFileObj?.type } : null
  } catch {
    return null
  }
}
