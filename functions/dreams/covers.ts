import type { DreamRecord } from '../domain/dream';
import { BadInputError } from '../domain/errors';
import { objectKeys, type ObjectStore, type UploadRepository } from '../domain/upload';
import { ensureOwnImage, imageChecked, imageShownTo } from '../domain/upload-purpose';
import type { Rules } from '../shared/config';
import { checkPhotos, type PhotoCheckDeps } from '../uploads/uploads';

/**
 * A dream's cover is an upload of its proposer's (purpose dream_cover), shown to others only once
 * WeChat's image check passed it; its proposer sees it while it waits. Older dreams kept the https
 * URL that was typed in, and show it as before.
 */
export interface CoverDeps {
  uploads: UploadRepository;
  objects: ObjectStore;
  config: { rules: Pick<Rules, 'uploads'> };
}

/** A typed URL was this API's own earlier addition; it is refused by name so a client knows what changed. */
export function refuseTypedCover(input: { coverUrl?: unknown }): void {
  if (input.coverUrl === undefined) return;
  throw new BadInputError('COVER_MUST_BE_UPLOAD', '封面须是上传的图片：请先上传，再用 coverUploadId 提交', [
    { in: 'body', path: ['coverUrl'], message: 'send coverUploadId (an upload of purpose dream_cover) instead' },
  ]);
}

/** The proposer's cover upload, refused unless theirs, a cover, not risky and an image (then kept and sent to the image check). */
export async function acceptCover(deps: PhotoCheckDeps, proposerId: string, uploadId: string): Promise<string> {
  const [upload] = await deps.uploads.getMany([uploadId]);
  ensureOwnImage(upload, proposerId, 'dream_cover', 'coverUploadId');
  await checkPhotos(deps, proposerId, [{ id: uploadId, path: ['coverUploadId'] }]);
  return uploadId;
}

/**
 * The cover URL each dream shows this viewer (absent: none to show), by dream id: a passed cover by
 * its lasting URL on the API's own host (public and cacheable, as a dream list is); the proposer's
 * own cover that waits for the check by a presigned URL for a while, since the public route serves
 * passed photos only.
 */
export async function coverUrls(deps: CoverDeps, dreams: DreamRecord[], viewerId: string | null): Promise<Map<string, string>> {
  const withCover = dreams.filter((dream) => dream.coverUploadId);
  if (withCover.length === 0) return new Map();
  const uploads = new Map((await deps.uploads.getMany(withCover.map((dream) => dream.coverUploadId!))).map((upload) => [upload.id, upload]));
  const seconds = deps.config.rules.uploads.viewUrlTtlSeconds;
  const shown = await Promise.all(
    withCover.map(async (dream) => {
      const upload = uploads.get(dream.coverUploadId!);
      if (!upload || !imageShownTo(upload, viewerId)) return null;
      const url = imageChecked(upload) ? deps.objects.viewUrl(upload.id) : await deps.objects.presignGet(objectKeys.kept(upload.ownerId, upload.id), seconds);
      return [dream.id, url] as const;
    }),
  );
  return new Map(shown.filter((entry) => entry !== null));
}
