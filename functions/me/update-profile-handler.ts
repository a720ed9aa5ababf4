import { updateProfileRoute } from '../contract/me';
import { profileDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { updateProfile } from './profile';

/** PUT /me/profile */
export const handler = httpRoute(updateProfileRoute, {
  handle: async ({ caller, body }) => updateProfile(await profileDeps(), caller.userId, body),
});
