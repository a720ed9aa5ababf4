import { apiUrl, call, devSignIn, eventually } from '../support/http-client';
import { PNG, RISKY_PNG, uploadImage } from '../support/uploads';

jest.setTimeout(120_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
const dreamBody = (extra: Record<string, unknown> = {}) => ({ title: '一间图书角', story: STORY, category: 'education', targetFlowers: 1_000, ...extra });

describe('a dream’s cover is an upload that passes WeChat’s image check', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await devSignIn(['admin'])).token;
  });

  it('a passing cover: its proposer sees it at once, everyone once the check passed by its lasting URL on the API host, which serves the image', async () => {
    // Arrange
    const proposer = await devSignIn();
    const coverUploadId = await uploadImage(proposer.token, 'dream_cover');

    // Act
    const proposed = await call('POST', '/dreams', { token: proposer.token, body: dreamBody({ coverUploadId }) });
    const dreamId = proposed.body.dream.id as string;
    await call('POST', `/dreams/${dreamId}/review`, { token: admin, body: { decision: 'approve' } });
    const seen = await eventually(
      () => call('GET', `/dreams/${dreamId}`),
      (answer) => typeof answer.body.dream?.coverUrl === 'string',
    );

    // Assert
    expect(proposed.status).toBe(201);
    expect(proposed.body.dream.coverUrl).toEqual(expect.any(String));
    const lastingUrl = `${apiUrl()}/photos/${coverUploadId}`;
    expect(seen.body.dream.coverUrl).toBe(lastingUrl);
    const image = await fetch(seen.body.dream.coverUrl);
    expect([image.status, image.headers.get('cache-control'), Buffer.from(await image.arrayBuffer()).equals(PNG)]).toEqual([
      200,
      'public, max-age=31536000, immutable',
      true,
    ]);
    const listed = await call('GET', '/dreams?limit=100');
    expect(listed.body.items.find((d: { id: string }) => d.id === dreamId)?.coverUrl).toBe(lastingUrl);
    expect((await call('GET', `/dreams/${dreamId}`, { token: proposer.token })).body.dream.coverUrl).toBe(lastingUrl);
  });

  it('a risky cover is shown to nobody, and naming it again is refused with 409 CONTENT_UNSAFE', async () => {
    // Arrange
    const proposer = await devSignIn();
    const coverUploadId = await uploadImage(proposer.token, 'dream_cover', RISKY_PNG);

    // Act: the image check may start when the file arrives or when a dream names it, so the first
    // dream is either taken while the check runs or refused already.
    const first = await call('POST', '/dreams', { token: proposer.token, body: dreamBody({ coverUploadId }) });
    if (first.status === 201) {
      const dreamId = first.body.dream.id as string;
      const judged = await eventually(
        () => call('GET', `/dreams/${dreamId}`, { token: proposer.token }),
        (answer) => answer.body.dream.coverUrl === null,
      );
      expect(judged.body.dream.coverUrl).toBeNull();
      await call('POST', `/dreams/${dreamId}/review`, { token: admin, body: { decision: 'approve' } });
      expect((await call('GET', `/dreams/${dreamId}`)).body.dream.coverUrl).toBeNull();
    }
    const again = await call('POST', '/dreams', { token: proposer.token, body: dreamBody({ coverUploadId }) });

    // Assert
    expect([first.status === 201 || first.status === 409, again.status, again.body.error.code]).toEqual([true, 409, 'CONTENT_UNSAFE']);
  });

  it('someone else’s upload, an upload of another purpose and a typed URL are refused, and nothing is stored', async () => {
    // Arrange
    const proposer = await devSignIn();
    const other = await devSignIn();
    const theirs = await uploadImage(other.token, 'dream_cover');
    const avatar = await uploadImage(proposer.token, 'avatar');

    // Act
    const notYours = await call('POST', '/dreams', { token: proposer.token, body: dreamBody({ coverUploadId: theirs }) });
    const wrongPurpose = await call('POST', '/dreams', { token: proposer.token, body: dreamBody({ coverUploadId: avatar }) });
    const typed = await call('POST', '/dreams', { token: proposer.token, body: dreamBody({ coverUrl: 'https://example.com/cover.jpg' }) });

    // Assert
    expect([notYours.status, notYours.body.error.code]).toEqual([400, 'INVALID_PHOTO']);
    expect(notYours.body.error.details).toEqual([expect.objectContaining({ path: ['coverUploadId'], message: 'not_yours' })]);
    expect([wrongPurpose.status, wrongPurpose.body.error.code]).toEqual([400, 'INVALID_PHOTO']);
    expect(wrongPurpose.body.error.details).toEqual([expect.objectContaining({ path: ['coverUploadId'], message: 'wrong_purpose' })]);
    expect([typed.status, typed.body.error.code]).toEqual([400, 'COVER_MUST_BE_UPLOAD']);
    expect((await call('GET', '/me/dreams', { token: proposer.token })).body.items).toEqual([]);
  });

  it('a cover needs no role beyond donor; a letter photo needs a charity', async () => {
    const donor = await devSignIn();
    expect((await call('POST', '/uploads', { token: donor.token, body: { purpose: 'dream_cover', contentType: 'image/png' } })).status).toBe(201);
    const letterPhoto = await call('POST', '/uploads', { token: donor.token, body: { purpose: 'letter_photo', contentType: 'image/png' } });
    expect([letterPhoto.status, letterPhoto.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
