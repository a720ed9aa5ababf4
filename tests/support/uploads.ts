import { call } from './http-client';

/** A 1×1 PNG: the server decodes the header up to its first frame. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** The same image with bytes the fake WeChat image check judges risky. */
export const RISKY_PNG = Buffer.concat([PNG, Buffer.from('RISKY')]);

/**
 * What the app does: asks for an upload of this purpose, then sends the file as a form to the
 * grant's url, signed in (the grant's fields, when it has any, go first). Returns the upload id.
 */
export async function uploadImage(token: string, purpose: 'letter_photo' | 'dream_cover' | 'avatar', bytes: Buffer = PNG): Promise<string> {
  const granted = await call('POST', '/uploads', { token, body: { purpose, contentType: 'image/png' } });
  if (granted.status !== 201) throw new Error(`POST /uploads for ${purpose}: ${granted.status} ${JSON.stringify(granted.body)}`);
  const upload = granted.body.upload as { id: string; url: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
  // A bucket's presigned form carries its own signature; the API's own upload route wants the token.
  const headers: Record<string, string> = Object.keys(upload.fields).length === 0 ? { authorization: `Bearer ${token}` } : {};
  const sent = await fetch(upload.url, { method: 'POST', body: form, headers });
  if (!sent.ok) throw new Error(`sending the file: ${sent.status} ${await sent.text()}`);
  return upload.id;
}
