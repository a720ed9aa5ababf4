import { uploadFileRoute } from '../contract/uploads';
import { uploadDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { receiveUpload } from './uploads';

/** POST /uploads/{id}/file — the granted photo, sent to the API's own host as a multipart form. */
export const handler = httpRoute(uploadFileRoute, {
  handle: async ({ caller, params, bodyBytes, headers }) => ({
    upload: await receiveUpload(await uploadDeps(), caller.userId, params.id, { body: bodyBytes, contentType: headers['content-type'] }),
  }),
});
