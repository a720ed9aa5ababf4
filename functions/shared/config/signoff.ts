import { z } from 'zod';
import { optional } from './optional';

/**
 * The sign-off codes' pepper: the key of the HMAC the server keeps of each code instead of the
 * code. Read only by the distributions function. Local and test stages get an embedded one; a
 * deployed stage keeps its own in SSM (`npm run settings -- set signoff-pepper generate`), so a
 * copy of the table alone cannot be turned back into codes by trying every one.
 */

/** The embedded local pepper (32 bytes, hex): local and test stages only, never in AWS. */
export const LOCAL_SIGNOFF_PEPPER = '6c6974746c652d7265642d666c6f7765722d7369676e6f66662d706570706572';

const schema = z.object({
  SIGNOFF_PEPPER: optional(z.string().regex(/^[0-9a-f]{64}$/, 'SIGNOFF_PEPPER is 32 bytes in hex')),
  SIGNOFF_PEPPER_PARAM: optional(z.string()),
});

export interface SignoffSettings {
  pepper?: string;
  pepperParam?: string;
}

/** The environment wins; without it a local stage uses the embedded pepper, a deployed one its SSM parameter. */
export function loadSignoffSettings(env: NodeJS.ProcessEnv, isLocalStage: boolean): SignoffSettings {
  const parsed = schema.parse(env);
  const pepper = parsed.SIGNOFF_PEPPER ?? (isLocalStage && !parsed.SIGNOFF_PEPPER_PARAM ? LOCAL_SIGNOFF_PEPPER : undefined);
  return { pepper, pepperParam: pepper ? undefined : parsed.SIGNOFF_PEPPER_PARAM };
}
