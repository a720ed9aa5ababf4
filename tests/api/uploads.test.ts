import { apiUrl, call, devSignIn, eventually } from '../support/http-client';

jest.setTimeout(120_000);

// A 1×1 PNG: the server decodes its header up to the first frame.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
// The fake WeChat answers `risky` for an image that carries this word.
const RISKY_PNG = Buffer.concat([PNG, Buffer.from('RISKY')]);

type Grant = { id: string; url: string; fields: Record<string, string>; maxBytes: number };

async function grant(token: string): Promise<Grant> {
  const granted = await call('POST', '/uploads', { token, body: { purpose: 'letter_photo', contentType: 'image/png' } });
  expect(granted.status).toBe(201);
  return granted.body.upload as Grant;
}

/** What Taro.uploadFile sends: a multipart form with the grant's fields and the file as `file`, signed in. */
async function send(upload: Grant, token: string, bytes: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
  const path = new URL(upload.url).pathname;
  const answer = await fetch(`${apiUrl()}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: answer.status, body: (await answer.json()) as any };
}

describe('photos through the API’s own host', () => {
  it('takes the grant’s file once from its owner, and refuses one too big, one not an image and another person’s', async () => {
    // Arrange: a charity's grants, and another charity
    const charity = await devSignIn(['charity']);
    const other = await devSignIn(['charity']);
    const [good, big, html, theirs] = [await grant(charity.token), await grant(charity.token), await grant(charity.token), await grant(other.token)];
    // Act
    const sent = await send(good, charity.token, PNG);
    const twice = await send(good, charity.token, PNG);
    const tooBig = await send(big, charity.token, Buffer.concat([PNG, Buffer.alloc(big.maxBytes)]));
    const notImage = await send(html, charity.token, Buffer.from('<html><script>alert(1)</script></html>'));
    const notYours = await send(theirs, charity.token, PNG);
    // Assert: the grant's url is this route on the API itself, and it needs no form fields
    expect([new URL(good.url).pathname, good.fields]).toEqual([`/uploads/${good.id}/file`, {}]);
    expect(good.maxBytes).toBe(4 * 1024 * 1024);
    expect([sent.status, sent.body]).toEqual([201, { upload: { id: good.id, contentType: 'image/png', size: PNG.length } }]);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_UPLOADED']);
    expect([tooBig.status, tooBig.body.error.code, tooBig.body.error.details[0].message]).toEqual([400, 'INVALID_PHOTO', 'too_big']);
    expect([notImage.status, notImage.body.error.code, notImage.body.error.details[0].message]).toEqual([400, 'INVALID_PHOTO', 'not_an_image']);
    expect([notYours.status, notYours.body.error.code]).toEqual([404, 'NOT_FOUND']);
    // The refused ones can still be sent right
    expect((await send(big, charity.token, PNG)).status).toBe(201);
  });

  it('refuses a file sent without signing in', async () => {
    // Arrange
    const charity = await devSignIn(['charity']);
    const upload = await grant(charity.token);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
    // Act
    const answer = await fetch(`${apiUrl()}/uploads/${upload.id}/file`, { method: 'POST', body: form });
    // Assert
    expect(answer.status).toBe(401);
  });

  it('shows a photo WeChat passed to anyone, as cacheable image bytes; a risky, an unsent or an unknown one is not served', async () => {
    // Arrange: a good photo and a risky one, both sent; a grant never used
    const charity = await devSignIn(['charity']);
    const [good, risky, unsent] = [await grant(charity.token), await grant(charity.token), await grant(charity.token)];
    expect((await send(good, charity.token, PNG)).status).toBe(201);
    expect((await send(risky, charity.token, RISKY_PNG)).status).toBe(201);
    const view = (id: string) => fetch(`${apiUrl()}/photos/${id}`);
    // Act: WeChat's verdicts come by push after the stream asked; anyone reads, signed in or not
    const shown = await eventually(
      () => view(good.id),
      (answer) => answer.status === 200,
    );
    const bytes = Buffer.from(await shown.arrayBuffer());
    const riskyAnswer = await view(risky.id);
    const unsentAnswer = await view(unsent.id);
    const unknownAnswer = await view('01UNKNOWNUPLOAD0000000000');
    // Assert
    expect(bytes.equals(PNG)).toBe(true);
    expect([shown.headers.get('content-type'), shown.headers.get('cache-control'), shown.headers.get('x-content-type-options')]).toEqual([
      'image/png',
      'public, max-age=31536000, immutable',
      'nosniff',
    ]);
    expect([riskyAnswer.status, unsentAnswer.status, unknownAnswer.status]).toEqual([404, 404, 404]);
  });
});
