import { createHash } from 'node:crypto';
import { call, devSignIn, eventually } from '../support/http-client';
import { adoptedDream as arrangeAdoptedDream } from '../support/adopted-dream';
import { OCTOBER_LETTER } from '../support/letters';

jest.setTimeout(120_000);

const adoptedDream = () => arrangeAdoptedDream({ title: '来信测试的梦想' });

const october = OCTOBER_LETTER;
// A 1×1 PNG: the server decodes the header up to its first frame.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** What the app does: asks for an upload, then sends the file to the grant's route on the API. Returns the upload id. */
async function uploadPng(token: string): Promise<string> {
  const granted = await call('POST', '/uploads', { token, body: { purpose: 'letter_photo', contentType: 'image/png' } });
  expect(granted.status).toBe(201);
  const upload = granted.body.upload;
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields as Record<string, string>)) form.append(name, value);
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  expect((await fetch(upload.url, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })).status).toBe(201);
  return upload.id as string;
}

describe('letters over HTTP', () => {
  it('only the adopting charity writes; a statement that does not add up is refused with details; an admin publishes; the timeline shows it', async () => {
    // Arrange
    const { dreamId, admin, charity, donor } = await adoptedDream();
    const otherCharity = await devSignIn(['charity']);
    // Act + Assert: the role rules
    expect((await call('POST', `/dreams/${dreamId}/letters`, { token: donor.token, body: october })).status).toBe(403);
    expect((await call('POST', `/dreams/${dreamId}/letters`, { token: otherCharity.token, body: october })).status).toBe(403);
    const wrong = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { ...october, statement: { ...october.statement, closingFen: 900 } },
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([409, 'LETTER_DOES_NOT_RECONCILE']);
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ field: 'closingFen', expected: 700, given: 900 })]);
    const photo = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: { ...october, photos: ['someone-elses-upload'] } });
    expect([photo.status, photo.body.error.code]).toEqual([400, 'INVALID_PHOTO']);
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: october });
    expect(created.status).toBe(201);
    expect(created.body.letter).toMatchObject({
      dreamId,
      status: 'in_review',
      publishedAt: null,
      kind: 'letter',
      photos: [],
      statement: { openingFen: 1_000, closingFen: 700, incomeFen: 500, spendFen: 800 },
    });
    const letterId = created.body.letter.id as string;
    // Not public yet; only admins review, and only once.
    expect((await call('GET', `/dreams/${dreamId}/letters`)).body.items).toEqual([]);
    expect((await call('POST', `/letters/${letterId}/review`, { token: charity.token, body: { decision: 'approve' } })).status).toBe(403);
    const queue = await call('GET', '/admin/letters?limit=100', { token: admin.token });
    expect(queue.body.items.some((l: { id: string }) => l.id === letterId)).toBe(true);
    const published = await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'approve' } });
    expect(published.body.letter).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const again = await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'reject' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'NOT_IN_REVIEW']);
    const timeline = await call('GET', `/dreams/${dreamId}/letters`);
    expect(timeline.body.items.map((l: { id: string }) => l.id)).toEqual([letterId]);
    expect(timeline.body.items[0].reviewNote).toBeUndefined();
    // The next period must start after October.
    const overlap = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { ...october, statement: { ...october.statement, periodStart: '2026-10-20', openingFen: 700, closingFen: 400 } },
    });
    expect([overlap.status, overlap.body.error.code]).toEqual([409, 'PERIOD_OVERLAPS']);
  });

  it('a field update has no money; a letter for a dream nobody adopted is refused', async () => {
    const { dreamId, charity } = await adoptedDream();
    const update = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { title: '书到了', body: '第一批图书已经送到学校。', happenedAt: '2026-10-05T03:00:00Z' },
    });
    expect(update.status).toBe(201);
    expect(update.body.letter).toMatchObject({ kind: 'update', statement: null });
    const missing = await call('POST', '/dreams/no-such-dream/letters', { token: charity.token, body: october });
    expect(missing.status).toBe(404);
  });

  it('a published letter reaches the donor’s letterbox with the unread count; reading it is a 204 and clears the count', async () => {
    // Arrange: a donor of an adopted dream, and a published letter
    const { dreamId, admin, charity, donor } = await adoptedDream();
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: october });
    const letterId = created.body.letter.id as string;
    expect((await call('GET', '/me/letters', { token: donor.token })).body).toEqual({ items: [], nextCursor: null, unread: 0 });
    await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'approve' } });
    // Act: the stream delivers it
    const box = await eventually(
      () => call('GET', '/me/letters', { token: donor.token }),
      (answer) => answer.body.items.length > 0,
    );
    // Assert
    expect(box.body).toMatchObject({
      unread: 1,
      nextCursor: null,
      items: [{ dreamTitle: '来信测试的梦想', read: false, letter: { id: letterId, status: 'published' } }],
    });
    expect((await call('GET', '/me', { token: donor.token })).body.unreadLetters).toBe(1);
    const stranger = await devSignIn();
    expect((await call('POST', `/me/letters/${letterId}/read`, { token: stranger.token })).status).toBe(404);
    expect((await call('POST', `/me/letters/${letterId}/read`)).status).toBe(401);
    const read = await call('POST', `/me/letters/${letterId}/read`, { token: donor.token });
    expect([read.status, read.text]).toEqual([204, '']);
    expect((await call('POST', `/me/letters/${letterId}/read`, { token: donor.token })).status).toBe(204);
    const after = await call('GET', '/me/letters', { token: donor.token });
    expect(after.body).toMatchObject({ unread: 0, items: [{ read: true }] });
    expect((await call('GET', '/me', { token: donor.token })).body.unreadLetters).toBe(0);
  });

  it('a charity uploads a photo and a receipt to the bucket, names them in a letter, and an admin publishes it once WeChat passed both', async () => {
    // Arrange: an adopted dream, and two images the charity uploads as the app does
    const { dreamId, admin, charity, donor } = await adoptedDream();
    expect((await call('POST', '/uploads', { token: donor.token, body: { purpose: 'letter_photo', contentType: 'image/png' } })).status).toBe(403);
    const photo = await uploadPng(charity.token);
    const receipt = await uploadPng(charity.token);
    const [shelves, ...rest] = october.statement.lineItems;
    const statement = { ...october.statement, lineItems: [{ ...shelves, receiptPhoto: receipt }, ...rest] };
    // Act: a letter with the photo and a receipt on its first line, then the review once the verdicts are in
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: { ...october, statement, photos: [photo] } });
    expect(created.status).toBe(201);
    const letterId = created.body.letter.id as string;
    const cleared = (l: { id: string; photoChecks: { verdict: string }[] }) => l.id === letterId && l.photoChecks.every((c) => c.verdict === 'pass');
    const queue = await eventually(
      () => call('GET', '/admin/letters?limit=100', { token: admin.token }),
      (answer) => answer.body.items.some(cleared),
    );
    const inQueue = queue.body.items.find((l: { id: string }) => l.id === letterId);
    expect(inQueue).toMatchObject({
      photos: [photo],
      photoChecks: [
        { id: photo, verdict: 'pass' },
        { id: receipt, verdict: 'pass' },
      ],
    });
    const published = await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'approve' } });
    // Assert: public, with a photo and a receipt anyone can read for a while, and the charity sees it in its list
    expect(published.status).toBe(200);
    const [shown] = (await call('GET', `/dreams/${dreamId}/letters`)).body.items;
    expect(shown.photoChecks).toBeUndefined();
    expect(shown.statement.lineItems[0]).toMatchObject({ description: shelves.description, receiptPhoto: receipt, receiptPhotoUrl: expect.any(String) });
    for (const url of [shown.photoUrls[0], shown.statement.lineItems[0].receiptPhotoUrl]) {
      const image = await fetch(url);
      expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
    }
    const mine = await call('GET', `/charity/dreams/${dreamId}/letters`, { token: charity.token });
    expect(mine.body.items.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([[letterId, 'published']]);
    expect((await call('GET', `/charity/dreams/${dreamId}/letters`, { token: (await devSignIn(['charity'])).token })).status).toBe(403);
  });

  it('a receipt that is not the author’s upload is refused at its line', async () => {
    // Arrange
    const { dreamId, charity } = await adoptedDream();
    const theirs = await uploadPng((await devSignIn(['charity'])).token);
    const [shelves, ...rest] = october.statement.lineItems;
    // Act
    const refused = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { ...october, statement: { ...october.statement, lineItems: [{ ...shelves, receiptPhoto: theirs }, ...rest] } },
    });
    // Assert
    expect([refused.status, refused.body.error.code]).toEqual([400, 'INVALID_PHOTO']);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: ['statement', 'lineItems', 0, 'receiptPhoto'], message: 'not_yours' })]);
  });

  it('a rejected letter comes back to its author with the note, who sends it again changed', async () => {
    const { dreamId, admin, charity } = await adoptedDream();
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: october });
    const letterId = created.body.letter.id as string;
    const rejected = await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'reject', note: '请补充书架的发票' } });
    expect(rejected.body.letter).toMatchObject({ status: 'rejected', reviewNote: '请补充书架的发票' });
    const mine = await call('GET', `/charity/dreams/${dreamId}/letters`, { token: charity.token });
    expect(mine.body.items[0]).toMatchObject({ id: letterId, status: 'rejected', reviewNote: '请补充书架的发票' });
    const stranger = await devSignIn(['charity']);
    expect((await call('POST', `/letters/${letterId}/resubmit`, { token: stranger.token, body: october })).status).toBe(403);
    const again = await call('POST', `/letters/${letterId}/resubmit`, {
      token: charity.token,
      body: { ...october, body: '图书室的书架已经装好，发票附在照片里。' },
    });
    expect(again.status).toBe(200);
    expect(again.body.letter).toMatchObject({ id: letterId, status: 'in_review', body: '图书室的书架已经装好，发票附在照片里。' });
    const twice = await call('POST', `/letters/${letterId}/resubmit`, { token: charity.token, body: october });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'NOT_REJECTED']);
  });

  it('WeChat’s push URL answers only pushes signed with the push token', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHash('sha1').update(['local-push-token', timestamp, '42'].sort().join('')).digest('hex');
    const check = await call('GET', `/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=42&echostr=hello`);
    expect([check.status, check.text]).toEqual([200, 'hello']);
    const forged = await call('GET', `/wechat/push?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=42&echostr=hello`);
    expect(forged.status).toBe(403);
    const push = await call('POST', `/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=42`, {
      body: { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'no-such-trace', result: { suggest: 'pass' } },
    });
    expect([push.status, push.text]).toEqual([200, 'success']);
    const stale = String(Math.floor(Date.now() / 1000) - 3_600);
    const staleSignature = createHash('sha1').update(['local-push-token', stale, '42'].sort().join('')).digest('hex');
    expect((await call('POST', `/wechat/push?signature=${staleSignature}&timestamp=${stale}&nonce=42`, { body: {} })).status).toBe(403);
  });
});
