import { getParameter } from '@aws-lambda-powertools/parameters/ssm';

/**
 * A secret given directly (local and test stages) or read from SSM Parameter Store (AWS), cached
 * by Powertools for five minutes so a rotation reaches warm functions without a redeploy.
 */
export function secretProvider(direct: string | undefined, parameterName: string | undefined, what: string): () => Promise<string> {
  return async () => {
    if (direct) return direct;
    if (!parameterName) throw new Error(`${what} is not configured`);
    const value = await getParameter(parameterName, { decrypt: true, maxAge: 300 });
    if (!value) throw new Error(`${what} parameter ${parameterName} is empty`);
    return value;
  };
}
