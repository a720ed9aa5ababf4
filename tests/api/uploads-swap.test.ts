import { call, devSignIn } from '../support/http-client';

jest.setTimeout(60_000);

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function postForm(url: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
  const answer = await fetch(url, { method: 'POST', body: form });
  return { status: answer.status, body: await answer.text() };
}

describe('the local bucket takes only what S3 would take', () => {
  it('refuses a granted form with another key, an unsigned PUT and an unsigned listing; the form as granted goes through', async () => {
    // Arrange: a charity's upload grant (a form pinned to pending/<owner>/<id>)
    const charity = await devSignIn(['charity']);
    const granted = await call('POST', '/uploads', { token: charity.token, body: { purpose: 'letter_photo', contentType: 'image/png' } });
    const { url, fields, id } = granted.body.upload as { url: string; fields: Record<string, string>; id: string };
    const keptKey = `photos/${charity.user.id}/${id}`;
    // Act
    const swapped = await postForm(url, { ...fields, key: keptKey });
    const unsignedPut = await fetch(`${url}/${keptKey}`, { method: 'PUT', body: '<html>', headers: { 'content-type': 'image/png' } });
    const listing = await fetch(`${url}?list-type=2`);
    const listingText = await listing.text();
    const asGranted = await postForm(url, fields);
    // Assert
    expect([swapped.status, swapped.body]).toEqual([403, expect.stringContaining('<Code>AccessDenied</Code>')]);
    expect(unsignedPut.status).toBe(403);
    expect([listing.status, listingText]).toEqual([403, expect.stringContaining('<Code>AccessDenied</Code>')]);
    expect(listingText).not.toContain('pending/');
    expect(asGranted.status).toBe(204);
  });
});
