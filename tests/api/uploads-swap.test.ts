import { LOCAL_UPLOADS } from '../../functions/shared/config';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(60_000);

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function bucketUrl(): string {
  const url = process.env.LOCAL_S3_URL;
  if (!url) throw new Error('LOCAL_S3_URL is not set: run this through the api project');
  return `${url}/${LOCAL_UPLOADS.bucket}`;
}

describe('the local bucket takes only what S3 would take', () => {
  it('refuses an unsigned form, an unsigned PUT over a kept photo, an unsigned read and a listing; the API’s own route takes the file', async () => {
    // Arrange: a charity's photo, sent the app's way (through the API), so a kept object exists
    const charity = await devSignIn(['charity']);
    const granted = await call('POST', '/uploads', { token: charity.token, body: { purpose: 'letter_photo', contentType: 'image/png' } });
    const { url, id } = granted.body.upload as { url: string; id: string };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
    const sent = await fetch(url, { method: 'POST', body: form, headers: { authorization: `Bearer ${charity.token}` } });
    const keptKey = `photos/${charity.user.id}/${id}`;
    // Act: straight at the bucket, with no signature
    const forged = new FormData();
    forged.append('key', keptKey);
    forged.append('file', new Blob(['<html>'], { type: 'image/png' }), 'photo.png');
    const unsignedForm = await fetch(bucketUrl(), { method: 'POST', body: forged });
    const unsignedPut = await fetch(`${bucketUrl()}/${keptKey}`, { method: 'PUT', body: '<html>', headers: { 'content-type': 'image/png' } });
    const unsignedRead = await fetch(`${bucketUrl()}/${keptKey}`);
    const listing = await fetch(`${bucketUrl()}?list-type=2`);
    const listingText = await listing.text();
    // Assert
    expect(sent.status).toBe(201);
    expect(unsignedForm.status).toBe(403);
    expect(unsignedPut.status).toBe(403);
    expect(unsignedRead.status).toBe(403);
    expect([listing.status, listingText]).toEqual([403, expect.stringContaining('<Code>AccessDenied</Code>')]);
    expect(listingText).not.toContain('photos/');
  });
});
