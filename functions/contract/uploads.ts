import { z } from 'zod';
import { PHOTO_TYPES, UPLOAD_PURPOSES } from './enums';
import { route } from './route';
import { isoTime, named } from './schema-kit';

/** What the app needs to send a file straight to S3: a form POST to `url` with `fields`, then the file as `file`. */
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
  summary: 'A presigned S3 POST for one photo (image types, ≤ rules.uploads.maxBytes); the server checks the object itself when a letter names it',
  source: 'added',
  tag: 'letters',
  auth: 'required',
  roles: ['charity'],
  body: requestUploadBody,
  status: 201,
  response: z.object({ upload: uploadGrant }),
  errors: [{ status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.uploadsPerDay' }],
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
