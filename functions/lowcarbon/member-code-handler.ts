import { container } from '../shared/container';
import { httpRoute } from '../shared/http';
import { issueMemberCode } from './lowcarbon';

/** GET /me/member-code */
export const handler = httpRoute({
  auth: 'required',
  handle: async ({ caller }) => issueMemberCode(await container(), caller.userId),
});
