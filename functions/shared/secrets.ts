import { SignedParameterStore, type ParameterStore } from '../adapters/ssm/parameter-store';

/** Secrets are cached for five minutes, so a rotation reaches warm functions without a redeploy. */
const MAX_AGE_MS = 5 * 60 * 1000;

let store: ParameterStore | undefined;
const cache = new Map<string, { value: Promise<string>; until: number }>();

/** Tests point the provider at a Parameter Store of their own. */
export function setParameterStoreForTests(replacement: ParameterStore | undefined): void {
  store = replacement;
  cache.clear();
}

/**
 * A secret given directly (local and test stages) or read from SSM Parameter Store (AWS stages:
 * the name in `<SECRET>_PARAM`); a failed read is not cached, so the next request tries again.
 */
export function secretProvider(
  direct: string | undefined,
  parameterName: string | undefined,
  what: string,
  region = process.env.AWS_REGION ?? 'ap-east-1',
): () => Promise<string> {
  return async () => {
    if (direct) return direct;
    if (!parameterName) throw new Error(`${what} is not configured`);
    const cached = cache.get(parameterName);
    if (cached && cached.until > Date.now()) return cached.value;
    store ??= new SignedParameterStore({ region });
    const value = store.getDecrypted(parameterName);
    cache.set(parameterName, { value, until: Date.now() + MAX_AGE_MS });
    value.catch(() => cache.delete(parameterName));
    return value;
  };
}

/** A value that may be absent: given directly, read from SSM (where 'none' means absent), or neither. */
export function optionalSecret(
  direct: string | undefined,
  parameterName: string | undefined,
  what: string,
  region?: string,
): () => Promise<string | undefined> {
  if (!direct && !parameterName) return async () => undefined;
  const read = secretProvider(direct, parameterName, what, region);
  return async () => {
    const value = (await read()).trim();
    return value === 'none' ? undefined : value;
  };
}
