import { z } from 'zod';
import { ROLES } from '../domain/user';
import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { text } from '../shared/schemas';
import { signInForDev } from './sign-in';

const body = z.object({
  openid: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w.\-@:]+$/, 'openid may contain letters, digits and _ . - @ :'),
  nickname: text(1, 32).optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
});

/** Exists only in the local and test stages (API.md); elsewhere it answers 404 like an unknown route. */
export const handler = httpRoute({
  auth: 'none',
  localStagesOnly: true,
  body,
  handle: async ({ body }) => signInForDev(await coreDeps(), body),
});
