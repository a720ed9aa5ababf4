import { ulid } from 'ulid';
import type { PhotoType, UploadPurpose } from '../contract/enums';
import type { UploadGrant } from '../contract/uploads';
import { BadInputError, ForbiddenError, NotFoundError, RuleViolation } from '../domain/errors';
import { photoProblem, SNIFF_BYTES, sniffImageType } from '../domain/photo';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import { ensureMayUpload } from '../domain/upload-purpose';
import { objectKeys, uploadProblem, verdictOf, type NamedImage, type ObjectStore, type UploadRecord, type UploadRepository } from '../domain/upload';
import type { MediaCheckPort } from '../domain/wechat';
import type { Rules } from '../shared/config';
import { fileOfForm, FORM_OVERHEAD_BYTES } from './photo-form';

/**
 * Photo uploads. The app asks for a grant, then sends the file to the API's own host (a mini-program
 * may only call filed hosts, and the bucket's is not one): the server looks at the bytes (size, type
 * decoded from its first bytes), keeps them under `photos/`, and the upload's change on the table's
 * stream asks WeChat's image check, whose verdict comes back by a signed push. Only a photo WeChat
 * passed is served to anyone, from the API's host too.
 */
export interface UploadDeps {
  clock: Clock;
  quotas: Quotas;
  uploads: UploadRepository;
  objects: ObjectStore;
  config: { rules: Pick<Rules, 'quotas' | 'uploads'> };
  users: Pick<UserRepository, 'findById'>;
}

/** POST /uploads: the purpose decides whose upload it may be (domain/upload-purpose.ts). */
export async function requestUpload(deps: UploadDeps, ownerId: string, input: { purpose: UploadPurpose; contentType: PhotoType }): Promise<UploadGrant> {
  const now = deps.clock.now();
  ensureMayUpload(input.purpose, (await deps.users.findById(ownerId))?.roles ?? []);
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
  // No form fields: the route knows the upload from its path and the owner from the token.
  return { id: upload.id, url: deps.objects.receiveUrl(upload.id), fields: {}, maxBytes, expiresAt: expiresAt.toISOString() };
}

/** What the app sent to POST /uploads/{id}/file: the raw body and its content type. */
export interface SentForm {
  body: Uint8Array;
  contentType: string | undefined;
}

/**
 * POST /uploads/{id}/file: the grant's owner sends its file, once, before the grant expires. The
 * server looks at the bytes as it looks at any photo (size, and the type its header decodes as), so
 * what is kept is what was checked; the record's change then starts WeChat's image check.
 */
export async function receiveUpload(deps: PhotoCheckDeps, ownerId: string, uploadId: string, sent: SentForm): Promise<ReceivedUpload> {
  const { maxBytes, postTtlSeconds } = deps.config.rules.uploads;
  const [upload] = await deps.uploads.getMany([uploadId]);
  // Someone else's grant is answered as an unknown one: ids are not to be probed.
  if (!upload || upload.ownerId !== ownerId) throw new NotFoundError('没有找到这次上传');
  if (upload.checked) throw new RuleViolation('ALREADY_UPLOADED', '这张照片已经上传过了');
  const now = deps.clock.now();
  if (now.getTime() > Date.parse(upload.createdAt) + postTtlSeconds * 1000) throw new RuleViolation('UPLOAD_EXPIRED', '上传已过期，请重新选择照片');
  const refuse = (problem: string) => new BadInputError('INVALID_PHOTO', photoRefusal(maxBytes), [{ in: 'body', path: ['file'], message: problem }]);
  if (sent.body.byteLength > maxBytes + FORM_OVERHEAD_BYTES) throw refuse('too_big');
  const bytes = await fileOfForm(sent.body, sent.contentType);
  if (!bytes) throw refuse('missing');
  const head = bytes.subarray(0, SNIFF_BYTES);
  const problem = photoProblem({ size: bytes.byteLength, head, uploaderId: ownerId }, ownerId, maxBytes);
  if (problem) throw refuse(problem);
  const type = sniffImageType(head)!;
  await deps.objects.put(objectKeys.kept(ownerId, upload.id), bytes, type);
  const checked = { size: bytes.byteLength, type, at: now.toISOString() };
  // The read above is no lock: of two sends at once only the first to record it is answered 201.
  if (!(await deps.uploads.markChecked(upload.id, checked))) throw new RuleViolation('ALREADY_UPLOADED', '这张照片已经上传过了');
  return { id: upload.id, contentType: type, size: checked.size };
}

export interface ReceivedUpload {
  id: string;
  contentType: PhotoType;
  size: number;
}

/** The refusal's words name the limit the rules give, so they never drift from it. */
function photoRefusal(maxBytes: number): string {
  return `照片须是你自己上传的图片（不超过 ${Math.floor(maxBytes / (1024 * 1024))}MB）`;
}

/**
 * GET /photos/{id}: the bytes of a photo WeChat's image check passed, to anyone (letters are public
 * once published, and only passed photos can be in a published letter). Pending, risky or held
 * photos are not served from here: their author and admins see them by a short-lived presigned URL.
 */
export async function photoToShow(deps: Pick<UploadDeps, 'uploads' | 'objects'>, uploadId: string): Promise<{ bytes: Uint8Array; contentType: PhotoType }> {
  const [upload] = await deps.uploads.getMany([uploadId]);
  if (!upload?.checked || upload.media?.verdict !== 'pass') throw new NotFoundError('没有找到这张照片');
  const object = await deps.objects.read(objectKeys.kept(upload.ownerId, upload.id));
  if (!object) throw new NotFoundError('没有找到这张照片');
  return { bytes: object.bytes, contentType: upload.checked.type };
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
      // False only when a concurrent request kept the same pending object first: it is kept either way.
      await deps.uploads.markChecked(upload.id, done.checked);
      checked.push(done);
    }),
  );
  const details = problems.filter((detail) => detail !== undefined);
  if (details.length > 0) throw new BadInputError('INVALID_PHOTO', photoRefusal(maxBytes), details);
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
