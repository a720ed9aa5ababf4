import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { SignedObjectStore } from '../../functions/adapters/s3/object-store';
import { pushSignature, verifyPush } from '../../functions/adapters/wechat/message-push';
import { objectKeys, photosCleared, uploadProblem, verdictOf, type UploadRecord } from '../../functions/domain/upload';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
// A 1×1 PNG: the server decodes the header up to its first frame.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

const upload = (over: Partial<UploadRecord> = {}): UploadRecord => ({
  id: 'up1',
  ownerId: 'charity-1',
  purpose: 'letter_photo',
  declaredType: 'image/png',
  createdAt: '2026-11-01T00:00:00.000Z',
  checked: null,
  media: null,
  ...over,
});

describe('uploads: the presigned POST, the server’s own look, WeChat’s verdict and its push', () => {
  it('signs a POST policy exactly as the AWS SDK does (same policy, same day, same key)', async () => {
    // Arrange: the SDK's own presigned POST
    const sdk = await createPresignedPost(new S3Client({ region: 'ap-east-1', credentials }), {
      Bucket: 'lrf-uploads',
      Key: 'pending/u1/a',
      Conditions: [['content-length-range', 1, 5_242_880]],
      Expires: 600,
    });
    const store = new SignedObjectStore({ bucket: 'lrf-uploads', region: 'ap-east-1', credentials: async () => credentials });
    const date = sdk.fields['X-Amz-Date'].replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
    // Act: our signature over the SDK's policy
    const signature = await store.signPolicy(sdk.fields.Policy, new Date(date), credentials);
    // Assert
    expect(signature).toBe(sdk.fields['X-Amz-Signature']);
  });

  it('limits our own POST to the key, the type and the size, on the bucket’s virtual-hosted URL', async () => {
    const store = new SignedObjectStore({ bucket: 'lrf-uploads', region: 'ap-east-1', credentials: async () => ({ ...credentials, sessionToken: 'tok' }) });
    const post = await store.presignPost({ key: 'pending/u1/a', contentType: 'image/png', maxBytes: 5_242_880, expiresAt: new Date('2026-11-01T00:10:00Z') });
    const policy = JSON.parse(Buffer.from(post.fields.Policy, 'base64').toString('utf8'));
    expect(post.url).toBe('https://lrf-uploads.s3.ap-east-1.amazonaws.com/');
    expect(policy.expiration).toBe('2026-11-01T00:10:00.000Z');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'lrf-uploads' },
        { key: 'pending/u1/a' },
        { 'Content-Type': 'image/png' },
        { 'X-Amz-Security-Token': 'tok' },
        ['content-length-range', 1, 5_242_880],
      ]),
    );
    expect(post.fields).toMatchObject({ key: 'pending/u1/a', 'Content-Type': 'image/png', 'X-Amz-Security-Token': 'tok' });
  });

  it('takes only an upload of the author’s whose object is there, not empty, within the size and an image by its bytes', () => {
    const author = 'charity-1';
    expect(uploadProblem(upload(), { size: 1_000, head: PNG }, author, 5_000)).toBeNull();
    expect(uploadProblem(undefined, { size: 1_000, head: PNG }, author, 5_000)).toBe('missing');
    expect(uploadProblem(upload({ ownerId: 'someone-else' }), { size: 1_000, head: PNG }, author, 5_000)).toBe('not_yours');
    expect(uploadProblem(upload(), { size: null, head: new Uint8Array() }, author, 5_000)).toBe('missing');
    expect(uploadProblem(upload(), { size: 0, head: new Uint8Array() }, author, 5_000)).toBe('empty');
    expect(uploadProblem(upload(), { size: 5_001, head: PNG }, author, 5_000)).toBe('too_big');
    expect(uploadProblem(upload(), { size: 100, head: Buffer.from('<html><script>') }, author, 5_000)).toBe('not_an_image');
    expect(objectKeys.pending('charity-1', 'up1')).toBe('pending/charity-1/up1');
    expect(objectKeys.kept('charity-1', 'up1')).toBe('photos/charity-1/up1');
  });

  it('publishes only when every photo passed WeChat’s check', () => {
    const at = '2026-11-01T00:00:00.000Z';
    expect(photosCleared([upload({ media: { traceId: 't1', verdict: 'pass', at } })])).toBe(true);
    expect(photosCleared([upload({ media: { traceId: 't1', verdict: 'pass', at } }), upload({ media: { traceId: 't2', verdict: 'pending', at } })])).toBe(
      false,
    );
    expect(photosCleared([upload({ media: { traceId: 't1', verdict: 'review', at } })])).toBe(false);
    expect(photosCleared([upload()])).toBe(false);
    expect([verdictOf('pass'), verdictOf('risky'), verdictOf('review'), verdictOf('PASS'), verdictOf(undefined)]).toEqual([
      'pass',
      'risky',
      'review',
      null,
      null,
    ]);
  });

  it('believes a push only with our token’s signature and a timestamp within five minutes', () => {
    // Arrange: a push signed as WeChat signs it (sha1 of the sorted token, timestamp and nonce)
    const now = 1_790_000_000;
    const timestamp = String(now - 10);
    const signature = pushSignature('push-token', timestamp, '12345');
    // Assert
    expect(verifyPush('push-token', { signature, timestamp, nonce: '12345' }, now)).toBe(true);
    expect(verifyPush('push-token', { signature: signature.toUpperCase(), timestamp, nonce: '12345' }, now)).toBe(true);
    expect(verifyPush('other-token', { signature, timestamp, nonce: '12345' }, now)).toBe(false);
    expect(verifyPush('push-token', { signature, timestamp, nonce: '12346' }, now)).toBe(false);
    expect(verifyPush('push-token', { signature, timestamp, nonce: '12345' }, now + 400)).toBe(false);
    expect(verifyPush('push-token', { timestamp, nonce: '12345' }, now)).toBe(false);
    expect(verifyPush('push-token', { signature: 'x', timestamp: 'soon', nonce: '1' }, now)).toBe(false);
  });
});
