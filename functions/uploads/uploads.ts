import { ulid } from 'ulid';
import type { PhotoType, UploadPurpose } from '../contract/enums';
import type { UploadGrant } from '../contract/uploads';
import { BadInputError, ForbiddenError } from '../domain/errors';
import { SNIFF_BYTES, sniffImageType } from '../domain/photo';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import { objectKeys, uploadProblem, verdictOf, type NamedImage, type ObjectStore, type UploadRecord, type UploadRepository } from '../domain/upload';
import type { MediaCheckPort } from '../domain/wechat';
import type { Rules } from '../shared/config';

/**
 * Photo uploads. The app sends the file straight to S3 with a presigned POST; nothing
 * about it is believed until a letter names it: then the server looks at the object (it exists, its
 * size, its type from its first bytes), keeps a copy, and asks WeChat's image check, whose verdict
 * comes back by a signed push.
 */
export interface UploadDeps {
  clock: Clock;
  quotas: Quotas;
  uploads: UploadRepository;
  objects: ObjectStore;
  config: { rules: Pick<Rules, 'quotas' | 'uploads'> };
}

/** POST /uploads */
export async function requestUpload(deps: UploadDeps, ownerId: string, input: { purpose: UploadPurpose; contentType: PhotoType }): Promise<UploadGrant> {
  const now = deps.clock.now();
  await deps.quotas.take(ownerId, quotaSpecs(deps.config.rules.quotas).uploads, now);
  const { maxBytes, postTtlSeconds } = deps.config.rules.uploads;
  const upload: UploadRecord = {
    id: ulid(),
    ownerId,
    purpose: input.purpose,
    declaredType: input.contentType,
    createdAt: now.toISOString(),
    checked: null,
    media: null,
  };
  const expiresAt = new Date(now.getTime() + postTtlSeconds * 1000);
  await deps.uploads.create(upload);
  const post = await deps.objects.presignPost({ key: objectKeys.pending(ownerId, upload.id), contentType: input.contentType, maxBytes, expiresAt });
  return { id: upload.id, url: post.url, fields: post.fields, maxBytes, expiresAt: expiresAt.toISOString() };
}

export type PhotoCheckDeps = Pick<UploadDeps, 'clock' | 'uploads' | 'objects' | 'config'>;

/**
 * The images a letter names (photos and receipts): each must be an upload of the author's whose
 * object passes the server's own look (else 400 INVALID_PHOTO, with a reason per image at the path
 * it was named). Passing ones are kept; the upload's change on the table's stream then sends each to
 * WeChat's image check (askImageCheck).
 */
export async function checkPhotos(deps: PhotoCheckDeps, authorId: string, images: NamedImage[]): Promise<UploadRecord[]> {
  if (images.length === 0) return [];
  const found = new Map((await deps.uploads.getMany(images.map((image) => image.id))).map((upload) => [upload.id, upload]));
  const { maxBytes } = deps.config.rules.uploads;
  // By the image's place in the request, so the details come in the order the images were named.
  const problems: ({ in: string; path: (string | number)[]; message: string } | undefined)[] = [];
  const checked: UploadRecord[] = [];
  await Promise.all(
    images.map(async ({ id, path }, index) => {
      const upload = found.get(id);
      if (upload?.ownerId === authorId && upload.checked) return checked.push(upload);
      const pendingKey = upload ? objectKeys.pending(upload.ownerId, upload.id) : '';
      const size = upload?.ownerId === authorId ? await deps.objects.size(pendingKey) : null;
      const head = size ? await deps.objects.firstBytes(pendingKey, SNIFF_BYTES) : new Uint8Array();
      const problem = uploadProblem(upload, { size, head }, authorId, maxBytes);
      if (problem || !upload || !size) return (problems[index] = { in: 'body', path, message: problem ?? 'missing' });
      const type = sniffImageType(head)!;
      await deps.objects.keep(pendingKey, objectKeys.kept(upload.ownerId, upload.id), type);
      const done = { ...upload, checked: { size, type, at: deps.clock.now().toISOString() } };
      await deps.uploads.markChecked(upload.id, done.checked);
      checked.push(done);
    }),
  );
  const details = problems.filter((detail) => detail !== undefined);
  if (details.length > 0) throw new BadInputError('INVALID_PHOTO', '照片须是你自己上传的图片（不超过 5MB）', details);
  return images.map(({ id }) => checked.find((upload) => upload.id === id)!);
}

export interface ImageCheckDeps extends PhotoCheckDeps {
  mediaCheck: MediaCheckPort;
  users: Pick<UserRepository, 'findById'>;
}

/**
 * A kept photo's stream record: send it to WeChat's image check, once. A failure is thrown, so the
 * stream retries the record; a redelivery after the check was asked finds `media` set and stops.
 */
export async function askImageCheck(deps: ImageCheckDeps, uploadId: string): Promise<boolean> {
  const [upload] = await deps.uploads.getMany([uploadId]);
  if (!upload?.checked || upload.media) return false;
  const owner = await deps.users.findById(upload.ownerId);
  if (!owner) return false;
  const mediaUrl = await deps.objects.presignGet(objectKeys.kept(upload.ownerId, upload.id), deps.config.rules.uploads.checkUrlTtlSeconds);
  const { traceId } = await deps.mediaCheck.checkImageAsync({ openid: owner.openid, mediaUrl });
  await deps.uploads.startMediaCheck(upload.id, traceId, deps.clock.now().toISOString());
  return true;
}

export interface PushDeps {
  clock: Clock;
  uploads: Pick<UploadRepository, 'settleMediaCheck'>;
  verifyPush: (query: { signature?: string; timestamp?: string; nonce?: string }, nowSeconds: number) => Promise<boolean>;
}

/** POST /wechat/push: a verified image-check verdict settles its upload (the first verdict wins). */
export async function receiveWechatPush(
  deps: PushDeps,
  query: { signature: string; timestamp: string; nonce: string },
  body: { Event?: string; trace_id?: string; result?: { suggest: string } },
): Promise<'success'> {
  const now = deps.clock.now();
  if (!(await deps.verifyPush(query, Math.floor(now.getTime() / 1000)))) throw new ForbiddenError('推送签名无效');
  const verdict = verdictOf(body.result?.suggest);
  if (body.Event === 'wxa_media_check' && body.trace_id && verdict) {
    await deps.uploads.settleMediaCheck(body.trace_id, verdict, now.toISOString());
  }
  return 'success';
}

/** GET /wechat/push: WeChat checks the URL when it is set; the echo proves we hold the token. */
export async function answerPushCheck(
  deps: Pick<PushDeps, 'clock' | 'verifyPush'>,
  query: { signature: string; timestamp: string; nonce: string; echostr?: string },
) {
  if (!(await deps.verifyPush(query, Math.floor(deps.clock.now().getTime() / 1000)))) throw new ForbiddenError('推送签名无效');
  return query.echostr ?? '';
}
