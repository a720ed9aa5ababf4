import type { ObjectStore, UploadRepository } from '../domain/upload';
import { ensureOwnImage, imageChecked } from '../domain/upload-purpose';
import { publicUser, type UserRecord } from '../domain/user';
import { checkPhotos, type PhotoCheckDeps } from '../uploads/uploads';

/**
 * A person's avatar is an upload of their own (purpose avatar), checked like a letter's photo. It
 * shows only once WeChat's image check passed it, to its owner too (what they see is what others
 * would see), so it is always the lasting, cacheable URL on the API's own host.
 */
export interface AvatarDeps {
  uploads: Pick<UploadRepository, 'getMany'>;
  objects: Pick<ObjectStore, 'viewUrl'>;
}

/** The avatar's read-only URL, or null while there is none, or none checked. */
export async function avatarUrlOf(deps: AvatarDeps, user: Pick<UserRecord, 'avatarUploadId'>): Promise<string | null> {
  if (!user.avatarUploadId) return null;
  const [upload] = await deps.uploads.getMany([user.avatarUploadId]);
  if (!upload || !imageChecked(upload)) return null;
  return deps.objects.viewUrl(upload.id);
}

/** The person as they see themselves (GET /me, PUT /me/profile). */
export async function profileUserView(deps: AvatarDeps, user: UserRecord) {
  return { ...publicUser(user), avatarUrl: await avatarUrlOf(deps, user) };
}

/** The caller's avatar upload, refused unless theirs, an avatar, not risky and an image (then kept and sent to the image check). */
export async function acceptAvatar(deps: PhotoCheckDeps, userId: string, uploadId: string): Promise<string> {
  const [upload] = await deps.uploads.getMany([uploadId]);
  ensureOwnImage(upload, userId, 'avatar', 'avatarUploadId');
  await checkPhotos(deps, userId, [{ id: uploadId, path: ['avatarUploadId'] }]);
  return uploadId;
}
