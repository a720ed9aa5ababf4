import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { asImage } from '../../functions/uploads/image-answer';
import { fileOfForm } from '../../functions/uploads/photo-form';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A multipart body as Taro.uploadFile sends it, and its content type. */
async function formBody(parts: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) form.append(name, value);
  const request = new Request('http://api.test/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

describe('a photo sent through the API', () => {
  it('takes the `file` part of a multipart form, byte for byte', async () => {
    // Arrange
    const { body, contentType } = await formBody({ note: 'x', file: new Blob([new Uint8Array(PNG)], { type: 'image/png' }) });
    // Act
    const file = await fileOfForm(body, contentType);
    // Assert
    expect(Buffer.from(file!).equals(PNG)).toBe(true);
  });

  it('finds no file in JSON, in a form without `file`, or in a form whose boundary is wrong', async () => {
    // Arrange
    const withoutFile = await formBody({ file: 'just text' });
    const good = await formBody({ file: new Blob([new Uint8Array(PNG)]) });
    // Act
    const answers = await Promise.all([
      fileOfForm(Buffer.from('{"file":"x"}'), 'application/json'),
      fileOfForm(withoutFile.body, withoutFile.contentType),
      fileOfForm(good.body, 'multipart/form-data; boundary=not-the-one'),
      fileOfForm(good.body, undefined),
    ]);
    // Assert
    expect(answers).toEqual([null, null, null, null]);
  });

  it('answers a photo as its bytes with a year of public caching and nosniff; a refusal passes unchanged', async () => {
    // Arrange: the edge's JSON answers, a photo's and a 404's
    const photo = asImage(async () => ({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(JSON.stringify({ base64: PNG.toString('base64'), contentType: 'image/png' })),
    }));
    const refusal = { statusCode: 404, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"NOT_FOUND","message":"没有找到"}}' };
    const missing = asImage(async () => refusal);
    const event = {} as APIGatewayProxyEventV2;
    // Act
    const [shown, notShown] = [await photo(event), await missing(event)];
    // Assert
    expect(shown).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
      body: PNG.toString('base64'),
      isBase64Encoded: true,
    });
    expect(notShown).toBe(refusal);
  });
});
