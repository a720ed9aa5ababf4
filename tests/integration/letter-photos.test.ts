import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import type { AuditActor } from '../../functions/domain/audit';
import type { Container } from '../../functions/wiring/container';
import type { UploadGrant } from '../../functions/contract/uploads';
import { reviewLetter, submitLetter, letterViews, lettersOfMyDream } from '../../functions/letters/letters';
import { photoToShow, receiveUpload, receiveWechatPush, requestUpload } from '../../functions/uploads/uploads';
import { pushSignature } from '../../functions/adapters/wechat/message-push';
import { LOCAL_UPLOADS } from '../../functions/shared/config';
import { startTestStreams } from '../support/streams';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

const asAdmin = (id: string): AuditActor => ({ kind: 'user', id, label: '审核员' });
// A 1×1 PNG: the server decodes the header up to its first frame.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** What POST /uploads/{id}/file is handed when the app sends a grant's file: a multipart form's bytes and type. */
async function formOf(grant: UploadGrant, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo');
  const request = new Request('http://api.test/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? undefined };
}

describe('letter photos: uploads the server checks itself, WeChat’s image check by signed push', () => {
  const state = useAppWithFakeWechat({ s3: true });
  let app: Container;
  beforeAll(() => {
    ({ app } = state);
  });

  async function adopted() {
    const dreamId = await openDream(app, 100);
    const donor = await userWithFlowers(app, 100);
    await donateToDream(app, donor.id, dreamId, { flowers: 100 });
    const { user: charity } = await app.users.findOrCreateByOpenid(`charity-${dreamId}`, { nickname: '公益机构', roles: ['donor', 'charity'] });
    await adoptDream(app, charity.id, dreamId);
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${dreamId}`, { nickname: '审核员', roles: ['donor', 'admin'] });
    return { dreamId, charity, admin };
  }

  const update = (photos: string[]) => ({
    title: '书到了',
    body: '第一批图书已经送到学校，孩子们在排队借书。',
    happenedAt: '2026-11-02T08:00:00.000Z',
    photos,
  });

  it('refuses a wrong type and a file over the limit when sent, then someone else’s upload and unsent ones in a letter, each with its reason', async () => {
    // Arrange: two files refused as they are sent, one of another charity's, one never sent
    const { dreamId, charity } = await adopted();
    const { user: other } = await app.users.findOrCreateByOpenid(`other-${dreamId}`, { nickname: '别的机构', roles: ['donor', 'charity'] });
    const notImage = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    const html = await formOf(notImage, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    await expect(receiveUpload(app, charity.id, notImage.id, html)).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ message: 'not_an_image' })],
    });
    const tooBig = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/jpeg' });
    const huge = await formOf(tooBig, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(tooBig.maxBytes)]), 'image/jpeg');
    await expect(receiveUpload(app, charity.id, tooBig.id, huge)).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ message: 'too_big' })],
    });
    const theirs = await requestUpload(app, other.id, { purpose: 'letter_photo', contentType: 'image/png' });
    await receiveUpload(app, other.id, theirs.id, await formOf(theirs, PNG, 'image/png'));
    const neverSent = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    // Act
    const refused = submitLetter(app, charity.id, dreamId, update([notImage.id, tooBig.id, theirs.id, neverSent.id]));
    // Assert: nothing refused at sending was kept
    await expect(refused).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_PHOTO',
      details: [
        { path: ['photos', 0], message: 'missing' },
        { path: ['photos', 1], message: 'missing' },
        { path: ['photos', 2], message: 'not_yours' },
        { path: ['photos', 3], message: 'missing' },
      ].map((detail) => expect.objectContaining(detail)),
    });
    expect((await lettersOfMyDream(app, { id: charity.id, isAdmin: false }, dreamId, { limit: 10 })).items).toEqual([]);
  });

  it('keeps a good photo, asks WeChat from the stream, and publishes only after its verdict is pass; a risky one is never published', async () => {
    // Arrange: a good photo and a risky one, in two updates
    const { dreamId, charity, admin } = await adopted();
    const good = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    await receiveUpload(app, charity.id, good.id, await formOf(good, PNG, 'image/png'));
    const risky = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    await receiveUpload(app, charity.id, risky.id, await formOf(risky, Buffer.concat([PNG, Buffer.from('RISKY')]), 'image/png'));
    const fine = await submitLetter(app, charity.id, dreamId, update([good.id]));
    const bad = await submitLetter(app, charity.id, dreamId, update([risky.id]));
    // Act + Assert: before the verdict, approval waits
    await expect(reviewLetter(app, asAdmin(admin.id), fine.id, { decision: 'approve' })).rejects.toMatchObject({ status: 409, code: 'PHOTOS_NOT_CLEARED' });
    const streams = await startTestStreams(app);
    try {
      await streams.idle(30_000);
      await waitFor(async () => (await app.uploads.getMany([good.id, risky.id])).every((u) => u.media && u.media.verdict !== 'pending'));
    } finally {
      await streams.stop();
    }
    const [goodUpload, riskyUpload] = await app.uploads.getMany([good.id, risky.id]);
    expect([goodUpload.media?.verdict, riskyUpload.media?.verdict].sort()).toEqual(['pass', 'risky']);
    // The admin sees each photo's verdict in the queue
    const [inReview] = await letterViews(app, [bad], { forAuthorOrAdmin: true });
    expect(inReview.photoChecks).toEqual([{ id: risky.id, verdict: 'risky' }]);
    await expect(reviewLetter(app, asAdmin(admin.id), bad.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'PHOTOS_NOT_CLEARED' });
    const published = await reviewLetter(app, asAdmin(admin.id), fine.id, { decision: 'approve' });
    // The published photo is read on the API's own host, as the kept copy with the sniffed type
    const [view] = await letterViews(app, [published]);
    expect(view.photoChecks).toBeUndefined();
    expect(view.photoUrls).toEqual([`${app.config.publicApiBase}/photos/${good.id}`]);
    const photo = await photoToShow(app, good.id);
    expect([photo.contentType, Buffer.from(photo.bytes).equals(PNG)]).toEqual(['image/png', true]);
    await expect(photoToShow(app, risky.id)).rejects.toMatchObject({ status: 404 });
  });

  /** A first letter of a dream with no match fund: it opens at 0, takes in 500, spends 300; each line may carry a receipt. */
  const withReceipts = (income?: string, spend?: string) => ({
    ...update([]),
    title: '十一月的来信',
    statement: {
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      openingFen: 0,
      closingFen: 200,
      lineItems: [
        { description: '企业捐赠', amountFen: 500, kind: 'income' as const, ...(income ? { receiptPhoto: income } : {}) },
        { description: '图书一批', amountFen: 300, kind: 'spend' as const, ...(spend ? { receiptPhoto: spend } : {}) },
      ],
    },
  });

  it('checks a line item’s receipt photo like a photo: refused with its line, approved only after WeChat passed it, shown by URL', async () => {
    // Arrange: a good receipt, one that is not an image, and someone else's
    const { dreamId, charity, admin } = await adopted();
    const { user: other } = await app.users.findOrCreateByOpenid(`other-${dreamId}`, { nickname: '别的机构', roles: ['donor', 'charity'] });
    const receipt = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    await receiveUpload(app, charity.id, receipt.id, await formOf(receipt, PNG, 'image/png'));
    const notImage = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    const pdf = await formOf(notImage, Buffer.from('%PDF-1.4 not a photo'), 'image/png');
    await expect(receiveUpload(app, charity.id, notImage.id, pdf)).rejects.toMatchObject({ status: 400, code: 'INVALID_PHOTO' });
    const theirs = await requestUpload(app, other.id, { purpose: 'letter_photo', contentType: 'image/png' });
    await receiveUpload(app, other.id, theirs.id, await formOf(theirs, PNG, 'image/png'));
    // Act + Assert: each bad receipt is refused at its line
    await expect(submitLetter(app, charity.id, dreamId, withReceipts(theirs.id, notImage.id))).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_PHOTO',
      details: [
        expect.objectContaining({ path: ['statement', 'lineItems', 0, 'receiptPhoto'], message: 'not_yours' }),
        expect.objectContaining({ path: ['statement', 'lineItems', 1, 'receiptPhoto'], message: 'missing' }),
      ],
    });
    await expect(submitLetter(app, charity.id, dreamId, { ...withReceipts(receipt.id), photos: [receipt.id] })).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ path: ['statement', 'lineItems', 0, 'receiptPhoto'], message: 'duplicate photo' })],
    });
    // A good receipt on the spend line: kept, and approval waits for WeChat's verdict on it
    const written = await submitLetter(app, charity.id, dreamId, withReceipts(undefined, receipt.id));
    const [forAdmin] = await letterViews(app, [written], { forAuthorOrAdmin: true });
    expect(forAdmin.photoChecks).toEqual([{ id: receipt.id, verdict: 'pending' }]);
    // Not passed yet: its author and admins see it by a short-lived presigned URL, never by the public route
    const pendingUrl = forAdmin.statement!.lineItems[1].receiptPhotoUrl!;
    expect(pendingUrl.startsWith(app.config.publicApiBase!)).toBe(false);
    expect((await fetch(pendingUrl)).status).toBe(200);
    await expect(reviewLetter(app, asAdmin(admin.id), written.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'PHOTOS_NOT_CLEARED' });
    const streams = await startTestStreams(app);
    try {
      await streams.idle(30_000);
      await waitFor(async () => (await app.uploads.getMany([receipt.id]))[0].media?.verdict === 'pass');
    } finally {
      await streams.stop();
    }
    const published = await reviewLetter(app, asAdmin(admin.id), written.id, { decision: 'approve' });
    // A donor reads the receipt on the API's own host, on its line
    const [view] = await letterViews(app, [published]);
    const [income, spend] = view.statement!.lineItems;
    expect(income.receiptPhotoUrl).toBeUndefined();
    expect(spend).toMatchObject({ description: '图书一批', receiptPhoto: receipt.id, receiptPhotoUrl: `${app.config.publicApiBase}/photos/${receipt.id}` });
    expect(Buffer.from((await photoToShow(app, receipt.id)).bytes).equals(PNG)).toBe(true);
  });

  it('believes only a signed push, and the first verdict stands', async () => {
    // Arrange: a photo whose verdict came (pass)
    const { dreamId, charity } = await adopted();
    const good = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    await receiveUpload(app, charity.id, good.id, await formOf(good, PNG, 'image/png'));
    await submitLetter(app, charity.id, dreamId, update([good.id]));
    const streams = await startTestStreams(app);
    try {
      await streams.idle(30_000);
      await waitFor(async () => (await app.uploads.getMany([good.id]))[0].media?.verdict === 'pass');
    } finally {
      await streams.stop();
    }
    const traceId = (await app.uploads.getMany([good.id]))[0].media!.traceId;
    const body = { Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'risky' } };
    const timestamp = String(Math.floor(Date.now() / 1000));
    // Act + Assert: a forged signature is refused; a correctly signed late push changes nothing
    await expect(receiveWechatPush(app, { signature: 'f'.repeat(40), timestamp, nonce: '1' }, body)).rejects.toMatchObject({ status: 403 });
    await expect(receiveWechatPush(app, { signature: pushSignature(LOCAL_UPLOADS.pushToken, timestamp, '1'), timestamp, nonce: '1' }, body)).resolves.toBe(
      'success',
    );
    expect((await app.uploads.getMany([good.id]))[0].media?.verdict).toBe('pass');
  });

  it('keeps a verdict that WeChat pushed before our side wrote down its trace id', async () => {
    // Arrange: an upload, and a verdict for a trace id not written yet (WeChat answered and pushed at once)
    const { charity } = await adopted();
    const upload = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    const at = new Date().toISOString();
    expect(await app.uploads.settleMediaCheck('early-trace', 'pass', at)).toBe(true);
    // Act: our side writes the trace id
    await app.uploads.startMediaCheck(upload.id, 'early-trace', at);
    // Assert: the early verdict stands, and a second push does not change it
    expect(await app.uploads.settleMediaCheck('early-trace', 'risky', at)).toBe(false);
    expect((await app.uploads.getMany([upload.id]))[0].media).toMatchObject({ traceId: 'early-trace', verdict: 'pass' });
  });

  it('takes one of two sends of the same grant at the same instant, and answers the other 409 ALREADY_UPLOADED', async () => {
    // Arrange: one grant, and two forms for it (both read the record before either writes it)
    const { charity } = await adopted();
    const upload = await requestUpload(app, charity.id, { purpose: 'letter_photo', contentType: 'image/png' });
    const [first, second] = [await formOf(upload, PNG, 'image/png'), await formOf(upload, PNG, 'image/png')];
    // Act
    const answers = await Promise.allSettled([receiveUpload(app, charity.id, upload.id, first), receiveUpload(app, charity.id, upload.id, second)]);
    // Assert
    const taken = answers.filter((answer) => answer.status === 'fulfilled');
    const refused = answers.filter((answer) => answer.status === 'rejected').map((answer) => (answer as PromiseRejectedResult).reason);
    expect(taken).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ status: 409, code: 'ALREADY_UPLOADED' })]);
  });
});

async function waitFor(done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
