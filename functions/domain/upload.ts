import type { MediaVerdict, PhotoType, UploadPurpose } from '../contract/enums';
import { photoProblem, type PhotoProblem } from './photo';

/**
 * Uploads: a person asks for an upload, their app sends the file to the API's own host, and the
 * server trusts nothing about it until it has looked at the bytes itself before keeping them.
 * A photo is then checked once more, by WeChat's image check, whose verdict arrives later.
 */

export { UPLOAD_PURPOSES, type UploadPurpose, type MediaVerdict } from '../contract/enums';

export interface UploadRecord {
  id: string;
  ownerId: string;
  purpose: UploadPurpose;
  /** What the uploader said it is; the server believes only the bytes. */
  declaredType: PhotoType;
  createdAt: string;
  /** Set once the server has looked at the object. */
  checked: { size: number; type: PhotoType; at: string } | null;
  /** WeChat's image check, asked once the object passed the server's own check. */
  media: { traceId: string; verdict: MediaVerdict; at: string } | null;
}

/** A presigned POST (kept for tools and the local bucket front's tests; the app no longer uses one): where a form goes, and its fields. */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

/** The uploads bucket, as the use cases need it (functions/adapters/s3). */
export interface ObjectStore {
  /**
   * Where the app sends an upload's file and where anyone reads a checked photo: routes on the
   * API's own public host, because a mini-program may only call hosts entered (and ICP-filed) in
   * its domain lists, and the bucket's own host cannot be.
   */
  receiveUrl(uploadId: string): string;
  viewUrl(uploadId: string): string;
  /** Writes an object the server has already looked at, with the type it sniffed. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The whole object and its stored type, or null when it is not there. */
  read(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  /** The object's size, or null when it is not there. */
  size(key: string): Promise<number | null>;
  /** Its first bytes (a ranged GET). */
  firstBytes(key: string, count: number): Promise<Uint8Array>;
  /**
   * Keeps a checked upload: a copy under `photos/` with the sniffed type. What stays under
   * `pending/` (abandoned uploads) is removed by the bucket's lifecycle rule (serverless.yml).
   */
  keep(from: string, to: string, contentType: string): Promise<void>;
  /** A read-only URL for a while (the bucket is private). */
  presignGet(key: string, seconds: number): Promise<string>;
}

export interface UploadRepository {
  create(upload: UploadRecord): Promise<void>;
  /** Several at once; missing ones are left out. */
  getMany(ids: string[]): Promise<UploadRecord[]>;
  /** Records the file as received and looked at, once: false when it already was (another send won). */
  markChecked(id: string, checked: NonNullable<UploadRecord['checked']>): Promise<boolean>;
  /** Records the image check's trace id, so its verdict can find the upload. */
  startMediaCheck(id: string, traceId: string, at: string): Promise<void>;
  /**
   * The first verdict for a trace id wins (false for a later one: a replayed push changes nothing).
   * A verdict that comes before startMediaCheck wrote its trace id waits for it.
   */
  settleMediaCheck(traceId: string, verdict: Exclude<MediaVerdict, 'pending'>, at: string): Promise<boolean>;
}

/** Where the app uploads to (removed after a day unless kept), and where a checked photo is kept; under the owner's prefix. */
export const objectKeys = {
  pending: (ownerId: string, uploadId: string) => `pending/${ownerId}/${uploadId}`,
  kept: (ownerId: string, uploadId: string) => `photos/${ownerId}/${uploadId}`,
};

/** Why this upload cannot be the author's photo, from what the server saw of the object. */
export function uploadProblem(
  upload: UploadRecord | undefined,
  object: { size: number | null; head: Uint8Array } | null,
  authorId: string,
  maxBytes: number,
): PhotoProblem | null {
  if (!upload) return 'missing';
  if (upload.ownerId !== authorId) return 'not_yours';
  if (!object || object.size === null) return 'missing';
  return photoProblem({ size: object.size, head: object.head, uploaderId: upload.ownerId }, authorId, maxBytes);
}

/** A letter can be published only when every photo passed WeChat's check. */
export function photosCleared(uploads: UploadRecord[]): boolean {
  return uploads.every((upload) => upload.media?.verdict === 'pass');
}

/** WeChat's `result.suggest`, or null for anything else. */
export function verdictOf(suggest: unknown): Exclude<MediaVerdict, 'pending'> | null {
  return suggest === 'pass' || suggest === 'risky' || suggest === 'review' ? suggest : null;
}

/** An upload a request names, and where in the request it was named (for a 400's details). */
export interface NamedImage {
  id: string;
  path: (string | number)[];
}
