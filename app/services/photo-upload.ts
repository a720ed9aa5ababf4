// Photo uploads (a letter's photos, a dream's cover, an avatar), apart from letters.ts: the photo
// picker sits in the main package and needs this alone.
import Taro from '@tarojs/taro'
import type { AnswerOf, PhotoType, UploadPurpose } from '../../functions/contract'
import type { requestUploadRoute } from '../../functions/contract/uploads'
import { ApiError, getToken, request } from './request'

const TYPES: Record<string, PhotoType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' }

/** The image type a chosen file claims by its name (the server believes only its bytes). */
function declaredType(file: { path: string; type?: string }): PhotoType {
  if (file.type && Object.values(TYPES).includes(file.type as PhotoType)) return file.type as PhotoType
  const extension = /\.([a-z0-9]+)$/i.exec(file.path)?.[1]?.toLowerCase() ?? ''
  return TYPES[extension] ?? 'image/jpeg'
}

/**
 * One photo: ask the API for an upload grant, then send the file with Taro.uploadFile to the grant's
 * url, a route on the API's own host, signed in like any request (a mini-program may upload only to
 * hosts in its uploadFile domain list, and only the API's filed domain can be there). Resolves with
 * the upload id a letter (or a cover, an avatar) names.
 */
export async function uploadPhoto(file: { path: string; size?: number; type?: string }, purpose: UploadPurpose = 'letter_photo'): Promise<string> {
  const { upload } = await request<AnswerOf<typeof requestUploadRoute>>('/uploads', {
    method: 'POST',
    body: { purpose, contentType: declaredType(file) },
  })
  const limit = `照片不能超过 ${Math.floor(upload.maxBytes / (1024 * 1024))}MB`
  if (file.size !== undefined && file.size > upload.maxBytes) throw new ApiError(400, 'INVALID_PHOTO', limit)
  let answer: Taro.uploadFile.SuccessCallbackResult
  try {
    // The token goes as a header, never as a cookie (H5 sends none with withCredentials off).
    answer = await Taro.uploadFile({
      url: upload.url,
      filePath: file.path,
      name: 'file',
      formData: upload.fields,
      header: { Authorization: `Bearer ${getToken()}` },
      withCredentials: false,
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '照片上传失败，请检查网络后重试')
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw uploadRefusal(answer.statusCode, answer.data)
  return upload.id
}

/** The API's refusal of a sent file (uploadFile gives its body as text), in the words it chose. */
function uploadRefusal(status: number, data: unknown): ApiError {
  let error: { code?: unknown; message?: unknown } | undefined
  try {
    error = (JSON.parse(String(data)) as { error?: typeof error }).error
  } catch {
    error = undefined
  }
  const code = typeof error?.code === 'string' ? error.code : 'UPLOAD_FAILED'
  const message = typeof error?.message === 'string' && error.message ? error.message : '照片上传失败，请重试'
  return new ApiError(status, code, message)
}
