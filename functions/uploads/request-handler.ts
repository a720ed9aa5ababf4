import { requestUploadRoute } from '../contract/uploads';
import { uploadDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { requestUpload } from './uploads';

/** POST /uploads — a presigned POST for one photo. */
export const handler = httpRoute(requestUploadRoute, {
  handle: async ({ caller, body }) => ({ upload: await requestUpload(await uploadDeps(), caller.userId, body) }),
});
