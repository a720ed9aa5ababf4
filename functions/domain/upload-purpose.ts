import type { UploadPurpose } from '../contract/enums';
import { BadInputError, ForbiddenError, RuleViolation } from './errors';
import type { UploadRecord } from './upload';
import type { Role } from './user';

/**
 * What an upload is for decides who may ask for one and where it may be used: a letter's photos
 * come from the charity that writes it, a dream's cover from the person proposing it, an avatar
 * from anyone signed in. An image someone else will see is shown only once WeChat passed it.
 */

/** The role an upload of each purpose needs; `anyone` is every signed-in person. */
export const UPLOAD_PURPOSE_ROLES: Record<UploadPurpose, Role | 'anyone'> = {
  letter_photo: 'charity',
  dream_cover: 'donor',
  avatar: 'anyone',
  // A hand-over's photo: the charity or a helper it named, who holds no role of their own (a named
  // helper is any signed-in person); a sign-off takes only the signer's own upload of this purpose.
  signoff_photo: 'anyone',
};

export function mayUpload(purpose: UploadPurpose, roles: readonly Role[]): boolean {
  const needed = UPLOAD_PURPOSE_ROLES[purpose];
  return needed === 'anyone' || roles.includes(needed);
}

/** 403 unless the person's roles allow an upload of this purpose. */
export function ensureMayUpload(purpose: UploadPurpose, roles: readonly Role[]): void {
  if (!mayUpload(purpose, roles)) throw new ForbiddenError('你没有上传这类图片的权限');
}

/**
 * A single image a request names by upload id (a cover, an avatar): it must be the caller's own,
 * of the purpose the field asks for, and not judged risky already. Whether the object itself is an
 * image is the photo check's part (functions/uploads).
 */
export function ensureOwnImage(upload: UploadRecord | undefined, callerId: string, purpose: UploadPurpose, field: string): void {
  const refuse = (message: string) => new BadInputError('INVALID_PHOTO', '图片须是你自己为此上传的', [{ in: 'body', path: [field], message }]);
  if (!upload || upload.ownerId !== callerId) throw refuse(upload ? 'not_yours' : 'missing');
  if (upload.purpose !== purpose) throw refuse('wrong_purpose');
  if (upload.media?.verdict === 'risky') throw new RuleViolation('CONTENT_UNSAFE', '这张图片未通过内容安全检查，请换一张');
}

/** WeChat's image check passed it: it may be shown to anyone. */
export function imageChecked(upload: Pick<UploadRecord, 'media'> | undefined): boolean {
  return upload?.media?.verdict === 'pass';
}

/** Shown to this viewer: checked, or their own while it waits for the check (never a risky one). */
export function imageShownTo(upload: Pick<UploadRecord, 'media' | 'ownerId'> | undefined, viewerId: string | null): boolean {
  if (!upload) return false;
  if (imageChecked(upload)) return true;
  return upload.ownerId === viewerId && upload.media?.verdict !== 'risky';
}
