/**
 * Photos: an upload is untrusted until checked. The server checks the bytes itself: their size is
 * within the limit, and their first bytes say it is an image of an allowed type, whatever the
 * uploader claimed: its header decodes as that type up to the first frame (functions/domain/image-header.ts).
 */

import type { PhotoType } from '../contract/enums';
import { isGif, isJpeg, isPng, isWebp } from './image-header';

export { PHOTO_TYPES, type PhotoType } from '../contract/enums';

/**
 * The bytes read to decode a header up to its first frame: a JPEG's metadata segments (EXIF, ICC)
 * come before its frame header, so this is generous; a photo whose header does not fit is refused.
 */
export const SNIFF_BYTES = 256 * 1024;

/** The image type the first bytes show, decoded up to the first frame, or null (not an image we take). */
export function sniffImageType(head: Uint8Array): PhotoType | null {
  if (isJpeg(head)) return 'image/jpeg';
  if (isPng(head)) return 'image/png';
  if (isWebp(head)) return 'image/webp';
  if (isGif(head)) return 'image/gif';
  return null;
}

export type PhotoProblem = 'missing' | 'too_big' | 'empty' | 'not_an_image' | 'not_yours';

/** Why an uploaded object cannot be a letter's photo, or null when it can. */
export function photoProblem(object: { size: number; head: Uint8Array; uploaderId: string } | null, authorId: string, maxBytes: number): PhotoProblem | null {
  if (!object) return 'missing';
  if (object.uploaderId !== authorId) return 'not_yours';
  if (object.size === 0) return 'empty';
  if (object.size > maxBytes) return 'too_big';
  return sniffImageType(object.head) ? null : 'not_an_image';
}
