/**
 * Photos in letters: an upload is untrusted until checked. The S3 emulators do not all
 * enforce a presigned POST's policy, so the server checks each object itself: it exists, its size
 * is within the limit, and its first bytes say it is an image of an allowed type, whatever the
 * uploader claimed.
 */

import type { PhotoType } from '../contract/enums';

export { PHOTO_TYPES, type PhotoType } from '../contract/enums';

/** The bytes needed to tell the types apart. */
export const SNIFF_BYTES = 12;

/** The image type the first bytes show, or null (not an image we take). */
export function sniffImageType(head: Uint8Array): PhotoType | null {
  const at = (offset: number, bytes: number[]) => bytes.every((byte, i) => head[offset + i] === byte);
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  if (at(0, [0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return 'image/gif';
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
