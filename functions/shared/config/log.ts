import { z } from 'zod';
import { optional } from './optional';

/**
 * The public log's settings, read only by the functions that sign or serve it. Local and test
 * stages get an embedded signing key and origin; a deployed stage names its origin and keeps its
 * key in SSM (`npm run settings`), and `npm run log-key` prints the verifier key to publish.
 */

/** The embedded local signing seed (32 bytes, hex): local and test stages only, never in AWS. */
export const LOCAL_LOG_SEED = '6c6974746c652d7265642d666c6f7765722d6c6f63616c2d6c6f672d6b657921';
export const LOCAL_LOG_ORIGIN = 'localhost/little-red-flower/log';

const schema = z.object({
  // The log's public address without the scheme: the name of its key, so no spaces and no plus.
  LOG_ORIGIN: optional(z.string().regex(/^[^\s+]+$/, 'LOG_ORIGIN has no spaces and no plus')),
  LOG_SIGNING_KEY: optional(z.string().regex(/^[0-9a-f]{64}$/, 'LOG_SIGNING_KEY is a 32-byte Ed25519 seed in hex')),
  LOG_SIGNING_KEY_PARAM: optional(z.string()),
  // Witnesses to ask for cosignatures: `<verifier key> <submission URL>`, comma-separated.
  LOG_WITNESSES: optional(z.string()),
});

export interface LogSettings {
  origin: string;
  signingKey?: string;
  signingKeyParam?: string;
  witnesses: { vkey: string; url: string }[];
}

export function loadLogSettings(env: NodeJS.ProcessEnv, isLocalStage: boolean): LogSettings {
  const parsed = schema.parse(env);
  const origin = parsed.LOG_ORIGIN ?? (isLocalStage ? LOCAL_LOG_ORIGIN : undefined);
  if (!origin) throw new Error('LOG_ORIGIN must be set outside the local and test stages');
  const signingKey = parsed.LOG_SIGNING_KEY ?? (isLocalStage && !parsed.LOG_SIGNING_KEY_PARAM ? LOCAL_LOG_SEED : undefined);
  // 'none' is how a deployed stage says it has no witnesses (an SSM parameter cannot be empty).
  const witnesses = (parsed.LOG_WITNESSES === 'none' ? '' : (parsed.LOG_WITNESSES ?? ''))
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [vkey, url] = pair.split(/\s+/);
      if (!vkey || !url || !/^https?:\/\//.test(url)) throw new Error(`LOG_WITNESSES: "${pair}" is not "<verifier key> <url>"`);
      return { vkey, url };
    });
  return { origin, signingKey, signingKeyParam: signingKey ? undefined : parsed.LOG_SIGNING_KEY_PARAM, witnesses };
}
