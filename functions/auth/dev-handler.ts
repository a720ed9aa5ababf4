import { signInForDevRoute } from '../contract/auth';
import { devSignInDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { signInForDev } from './sign-in';

/** POST /auth/dev — exists only in the local and test stages; elsewhere 404 like an unknown route. */
export const handler = httpRoute(signInForDevRoute, {
  handle: async ({ body }) => signInForDev(await devSignInDeps(), body),
});
