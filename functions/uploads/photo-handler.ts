import { photoRoute } from '../contract/uploads';
import { uploadDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { asImage, type ImageAnswer } from './image-answer';
import { photoToShow } from './uploads';

/** GET /photos/{id} — a photo WeChat passed, as its bytes, for anyone and any cache. */
export const handler = asImage(
  httpRoute(photoRoute, {
    handle: async ({ params }) => {
      const photo = await photoToShow(await uploadDeps(), params.id);
      // The route's answer is text at the edge; asImage turns it back into the bytes.
      const answer: ImageAnswer = { base64: Buffer.from(photo.bytes).toString('base64'), contentType: photo.contentType };
      return JSON.stringify(answer);
    },
  }),
);
