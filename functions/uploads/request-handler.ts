import { requestUploadRoute } from '../contract/uploads';
import { uploadDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { requestUpload } from './uploads';

/** POST /uploads — a grant to send one photo to POST /uploads/{id}/file. */
export const handler = httpRoute(requestUploadRoute, {
  handle: async ({ caller, body }) => ({ upload: await requestUpload(await uploadDeps(), caller.userId, body) }),
});
