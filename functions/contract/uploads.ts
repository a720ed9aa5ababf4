import { z } from 'zod';
import { PHOTO_TYPES, UPLOAD_PURPOSES } from './enums';
import { route } from './route';
import { isoTime, named } from './schema-kit';

/**
 * What the app needs to send a photo: a multipart POST to `url` (POST /uploads/{id}/file on the API's
 * own host, with the sign-in token) carrying `fields` (none today) and the file as `file`.
 */
export const uploadGrant = named(
  z.object({
    id: z.string(),
    url: z.string(),
    fields: z.record(z.string()),
    maxBytes: z.number().int(),
    expiresAt: isoTime(),
  }),
  'UploadGrant',
);
export type UploadGrant = z.infer<typeof uploadGrant>;

export const requestUploadBody = z.object({
  purpose: z.enum(UPLOAD_PURPOSES),
  contentType: z.enum(PHOTO_TYPES),
});

export const requestUploadRoute = route({
  method: 'POST',
  path: '/uploads',
  summary:
    'A grant to upload one photo (image types, ≤ rules.uploads.maxBytes): its `url` is POST /uploads/{id}/file on this API, which checks the bytes themselves',
  source: 'added',
  tag: 'letters',
  auth: 'required',
  body: requestUploadBody,
  status: 201,
  response: z.object({ upload: uploadGrant }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the purpose needs a role the caller lacks: letter_photo a charity, dream_cover a donor (avatar: anyone)' },
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.uploadsPerDay' },
  ],
});

export const uploadIdParams = z.object({ id: z.string().min(1).max(64) });

export const uploadFileRoute = route({
  method: 'POST',
  path: '/uploads/{id}/file',
  summary:
    'The granted photo itself, as multipart/form-data (field `file`, ≤ rules.uploads.maxBytes), by the grant’s owner, once, before the grant expires; the server checks its type from its bytes, keeps it and asks WeChat’s image check',
  source: 'added',
  tag: 'letters',
  auth: 'required',
  params: uploadIdParams,
  status: 201,
  response: z.object({ upload: z.object({ id: z.string(), contentType: z.enum(PHOTO_TYPES), size: z.number().int() }) }),
  errors: [
    { status: 400, code: 'INVALID_PHOTO', when: 'no file in a multipart form, empty, larger than rules.uploads.maxBytes, or not an image of an allowed type' },
    { status: 409, code: 'ALREADY_UPLOADED', when: 'this grant’s file was already sent' },
    { status: 409, code: 'UPLOAD_EXPIRED', when: 'the grant expired (rules.uploads.postTtlSeconds)' },
  ],
});

/**
 * A photo's bytes, for anyone, once WeChat's image check passed it: cacheable for a year (an
 * upload's bytes never change), so a CDN in front of the API's domain can carry a popular letter.
 */
export const photoRoute = route({
  method: 'GET',
  path: '/photos/{id}',
  summary: 'A photo WeChat’s image check passed, as its image bytes (Cache-Control: public, max-age=31536000, immutable); any other photo is 404',
  source: 'added',
  tag: 'letters',
  auth: 'none',
  params: uploadIdParams,
  status: 200,
  rawText: true,
  response: z.string(),
});

/** WeChat's message push signs its query (plaintext mode): sha1 of the sorted token, timestamp and nonce. */
export const wechatPushQuery = z.object({
  signature: z.string().max(64),
  timestamp: z.string().max(16),
  nonce: z.string().max(64),
  echostr: z.string().max(128).optional(),
});

/** The fields of a push this API acts on (an image check's verdict); others are acknowledged and ignored. */
export const wechatPushBody = z
  .object({
    MsgType: z.string().max(32).optional(),
    Event: z.string().max(64).optional(),
    trace_id: z.string().max(128).optional(),
    result: z
      .object({ suggest: z.string().max(16) })
      .passthrough()
      .optional(),
  })
  .passthrough();

const badSignature = {
  status: 403,
  code: 'FORBIDDEN',
  when: 'the signature is not WeChat’s (our push token), or the timestamp is more than 5 minutes off',
} as const;

export const wechatPushRoute = route({
  method: 'POST',
  path: '/wechat/push',
  summary: 'WeChat’s message push (JSON, plaintext mode): image-check verdicts (wxa_media_check) for letter photos',
  source: 'added',
  tag: 'wechat',
  auth: 'none',
  query: wechatPushQuery,
  body: wechatPushBody,
  status: 200,
  rawText: true,
  response: z.literal('success'),
  errors: [badSignature],
});

export const wechatPushCheckRoute = route({
  method: 'GET',
  path: '/wechat/push',
  summary: 'WeChat’s check of the push URL when it is set in the console: answers `echostr` when the signature is ours',
  source: 'added',
  tag: 'wechat',
  auth: 'none',
  query: wechatPushQuery,
  status: 200,
  rawText: true,
  response: z.string(),
  errors: [badSignature],
});
