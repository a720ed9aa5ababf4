import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignedObjectStore } from '../../functions/adapters/s3/object-store';
import { startS3Front, type S3Front } from '../../scripts/lib/s3-front';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const BUCKET = 'lrf-front-test';
const NOW = new Date('2026-11-01T00:00:00.000Z');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The emulator's stand-in: answers everything and records what reached it. */
function startRecordingBucket(): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${req.url?.split('?')[0]}`);
      res.writeHead(req.method === 'POST' ? 204 : 200, { 'content-type': 'image/png' });
      res.end(req.method === 'GET' ? PNG : undefined);
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

describe('the local S3 front takes only what S3 takes', () => {
  let bucket: Awaited<ReturnType<typeof startRecordingBucket>>;
  let front: S3Front;
  let store: SignedObjectStore;
  let frontNow = NOW;

  beforeAll(async () => {
    // Date is pinned (the signatures and the policy are dated by it); the sockets keep real timers.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    bucket = await startRecordingBucket();
    front = await startS3Front({
      emulator: bucket.url,
      bucket: BUCKET,
      credentials: { [credentials.accessKeyId]: credentials.secretAccessKey },
      now: () => frontNow,
    });
    store = new SignedObjectStore({ bucket: BUCKET, region: 'ap-east-1', endpoint: front.url, credentials: async () => credentials });
  });
  afterAll(async () => {
    await front.close();
    await new Promise((done) => bucket.server.close(done));
    jest.useRealTimers();
  });
  beforeEach(() => {
    bucket.seen.length = 0;
    frontNow = NOW;
  });

  const presigned = () => store.presignPost({ key: 'pending/u1/a', contentType: 'image/png', maxBytes: 5_000, expiresAt: new Date(NOW.getTime() + 600_000) });
  const postForm = async (fields: Record<string, string>, file: Buffer = PNG) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'photo.png');
    const answer = await fetch(`${front.url}/${BUCKET}`, { method: 'POST', body: form });
    return { status: answer.status, body: await answer.text() };
  };

  it('passes a form that matches its signed policy', async () => {
    // Arrange
    const post = await presigned();
    // Act
    const answer = await postForm(post.fields);
    // Assert
    expect([answer.status, bucket.seen]).toEqual([204, [`POST /${BUCKET}`]]);
  });

  it('refuses a form with another key, an expired policy, a tampered signature or too big a file, before the bucket sees it', async () => {
    // Arrange
    const post = await presigned();
    // Act
    const otherKey = await postForm({ ...post.fields, key: 'photos/u1/a' });
    const tampered = await postForm({ ...post.fields, 'X-Amz-Signature': post.fields['X-Amz-Signature'].replace(/^./, (c) => (c === '0' ? '1' : '0')) });
    const tooBig = await postForm(post.fields, Buffer.alloc(5_001));
    const unsigned = await postForm({ key: 'pending/u1/a', 'Content-Type': 'image/png' });
    frontNow = new Date(NOW.getTime() + 601_000);
    const expired = await postForm(post.fields);
    // Assert
    expect([otherKey.status, otherKey.body]).toEqual([403, expect.stringContaining('<Code>AccessDenied</Code>')]);
    expect(otherKey.body).toContain('$key');
    expect([tampered.status, tampered.body]).toEqual([403, expect.stringContaining('<Code>SignatureDoesNotMatch</Code>')]);
    expect([tooBig.status, tooBig.body]).toEqual([400, expect.stringContaining('<Code>EntityTooLarge</Code>')]);
    expect(unsigned.status).toBe(403);
    expect([expired.status, expired.body]).toEqual([403, expect.stringContaining('Policy expired')]);
    expect(bucket.seen).toEqual([]);
  });

  it('passes SigV4-signed GETs and PUTs, header-signed or presigned', async () => {
    // Act: the server's own calls (GET then PUT) and a presigned GET
    await store.keep('pending/u1/a', 'photos/u1/a', 'image/png');
    const viaUrl = await fetch(await store.presignGet('photos/u1/a', 300));
    // Assert
    expect(viaUrl.status).toBe(200);
    expect(bucket.seen).toEqual([`GET /${BUCKET}/pending/u1/a`, `PUT /${BUCKET}/photos/u1/a`, `GET /${BUCKET}/photos/u1/a`]);
  });

  it('refuses an unsigned PUT, an unsigned GET, a presigned URL for another key or past its time, and any listing', async () => {
    // Arrange
    const url = new URL(await store.presignGet('photos/u1/a', 300));
    const otherKey = new URL(url);
    otherKey.pathname = `/${BUCKET}/photos/u2/b`;
    // Act
    const put = await fetch(`${front.url}/${BUCKET}/photos/u1/a`, { method: 'PUT', body: '<html>', headers: { 'content-type': 'image/png' } });
    const get = await fetch(`${front.url}/${BUCKET}/photos/u1/a`);
    const swapped = await fetch(otherKey);
    const listing = await fetch(`${front.url}/${BUCKET}?list-type=2`);
    const buckets = await fetch(`${front.url}/`);
    frontNow = new Date(NOW.getTime() + 301_000);
    const late = await fetch(url);
    // Assert
    expect([put, get, swapped, listing, buckets, late].map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await listing.text()).toContain('<Code>AccessDenied</Code>');
    expect(bucket.seen).toEqual([]);
  });
});
