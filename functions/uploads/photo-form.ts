/**
 * The file of a multipart/form-data upload (field `file`, as wx.uploadFile sends it), read with the
 * runtime's own form parser (Node's fetch Response): no parser to bundle, and one that is kept
 * with Node itself. Null when the body is not such a form or has no file in it.
 */
export async function fileOfForm(body: Uint8Array, contentType: string | undefined): Promise<Uint8Array | null> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return null;
  let form: FormData;
  try {
    form = await new Response(Buffer.from(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
  const file = form.get('file');
  return file && typeof file !== 'string' ? new Uint8Array(await file.arrayBuffer()) : null;
}

/** A form's boundaries and part headers around the file: what a body may carry beyond the file itself. */
export const FORM_OVERHEAD_BYTES = 16 * 1024;
