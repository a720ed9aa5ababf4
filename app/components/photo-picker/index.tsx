import { useRef } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { UploadPurpose } from '../../../functions/contract'
import { uploadPhoto } from '../../services/photo-upload'
import { explainRefusal } from '../../services/privacy'
import { toastError } from '../../services/request'
import PrivacyPopup from '../privacy-popup'
import './index.scss'

/** An uploaded photo: the upload id the API names it by, and a path or URL to show it. */
export interface PickedPhoto {
  id: string
  path: string
}

/** The words of one use of the picker (a letter's photos, a line's receipt), for eyes and screen readers. */
export interface PhotoPickerLabels {
  add: string
  /** Names the add control when its text alone does not say what it adds to. */
  addAria?: string
  photo: (index: number) => string
  remove: string
  removeAria: (index: number) => string
}

export interface PhotoPickerProps {
  photos: PickedPhoto[]
  max: number
  onAdd: (photo: PickedPhoto) => void
  onRemove: (photo: PickedPhoto) => void
  /** An upload is running on this page (this picker's or another's): one at a time, so the page can wait for it. */
  busy: boolean
  onBusyChange: (busy: boolean) => void
  labels: PhotoPickerLabels
  className?: string
  /** What the uploads are for (a letter's photos unless said): the API decides who may upload them. */
  purpose?: UploadPurpose
}

/** A chosen photo as the upload needs it. */
interface ChosenPhoto {
  path: string
  size: number
  type?: string
}

/**
 * WeChat: chooseMedia (chooseImage is no longer maintained there). H5: chooseImage, which keeps
 * the browser File's type for the upload.
 */
async function choosePhotos(count: number): Promise<ChosenPhoto[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size }))
  }
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFiles.map((file) => {
    const picked = file as { path: string; size: number; type?: string; originalFileObj?: { type?: string } }
    return { path: picked.path, size: picked.size, type: picked.type ?? picked.originalFileObj?.type }
  })
}

/** Chooses images, uploads each straight to the bucket, shows them as thumbnails and removes them. */
export default function PhotoPicker({ photos, max, onAdd, onRemove, busy, onBusyChange, labels, className = '', purpose }: PhotoPickerProps) {
  // The busy prop arrives a render late: a second tap in between must not start a second upload.
  const pickingRef = useRef(false)
  const room = max - photos.length

  const pick = async () => {
    if (busy || pickingRef.current || room <= 0) return
    pickingRef.current = true
    try {
      let chosen: ChosenPhoto[]
      try {
        chosen = await choosePhotos(room)
      } catch (err) {
        // A cancel says nothing; a refused privacy guide or album/camera scope says how to undo it.
        await explainRefusal(err, '选择照片')
        return
      }
      onBusyChange(true)
      try {
        for (const file of chosen.slice(0, room)) {
          const id = await uploadPhoto(file, purpose)
          onAdd({ id, path: file.path })
        }
      } catch (err) {
        toastError(err, '照片上传失败，请重试')
      } finally {
        onBusyChange(false)
      }
    } finally {
      pickingRef.current = false
    }
  }

  return (
    <View className={`photo-picker ${className}`}>
      <PrivacyPopup />
      {photos.map((photo, index) => (
        <View key={photo.id} className='photo-picker-item'>
          <Image className='photo-picker-thumb' src={photo.path} mode='aspectFill' aria-label={labels.photo(index)} />
          <View className='photo-picker-remove' role='button' aria-label={labels.removeAria(index)} onClick={() => onRemove(photo)}>
            {labels.remove}
          </View>
        </View>
      ))}
      {room > 0 ? (
        <View
          className={`photo-picker-add ${busy ? 'photo-picker-add-busy' : ''}`}
          role='button'
          aria-label={labels.addAria}
          aria-disabled={busy}
          onClick={pick}
        >
          {busy ? '上传中…' : labels.add}
        </View>
      ) : null}
    </View>
  )
}
