/**
 * `npm run log-key -- --stage <stage> [--region <region>]`: prints the public log's verifier key,
 * the line to publish (and to build into the app) so that anyone can check its checkpoints. A
 * deployed stage's origin and signing seed are read from SSM (`npm run settings`); local and test
 * use the embedded ones. The seed itself is never printed.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ed25519FromSeed, nodeLogCrypto } from '../functions/adapters/crypto/log-crypto';
import { fromHex } from '../functions/domain/log-encoding';
import { SIGNATURE_ED25519, formatVerifierKey, noteKey } from '../functions/domain/log-note';
import { LOCAL_LOG_ORIGIN, LOCAL_LOG_SEED } from '../functions/shared/config/log';
import { findSetting, parameterName } from './lib/settings-catalog';
import { parseScriptArgs } from './lib/usage';

const USAGE = `Usage: npm run log-key -- --stage <stage> [--region <region>]

Prints the public log's verifier key (<origin>+<key id>+<base64 key>) for a stage: publish it, and
give it to the app's build. A deployed stage's log-origin and log-signing-key come from SSM
(npm run settings); local and test use the embedded ones. AWS credentials come from the terminal.`;

async function main() {
  const { values } = parseScriptArgs(USAGE, { stage: { type: 'string' }, region: { type: 'string' } });
  const stage = String(values.stage ?? '');
  if (!stage) fail('give a --stage');
  const { origin, seedHex } =
    stage === 'local' || stage === 'test' ? { origin: LOCAL_LOG_ORIGIN, seedHex: LOCAL_LOG_SEED } : await fromSsm(stage, values.region);
  const seed = fromHex(seedHex.trim());
  if (!seed || seed.length !== 32) fail('the stored log-signing-key is not 64 hex digits');
  const key = noteKey(nodeLogCrypto.sha256, origin, SIGNATURE_ED25519, ed25519FromSeed(seed).publicKey);
  console.log(formatVerifierKey(key));
}

async function fromSsm(stage: string, region: unknown): Promise<{ origin: string; seedHex: string }> {
  const ssm = new SSMClient(region ? { region: String(region) } : {});
  const read = async (name: string) => {
    const spec = findSetting(name)!;
    const answer = await ssm.send(new GetParameterCommand({ Name: parameterName(stage, spec), WithDecryption: spec.secret }));
    const value = answer.Parameter?.Value;
    if (!value) fail(`${parameterName(stage, spec)} is not set: npm run settings -- set ${name} … --stage ${stage}`);
    return value;
  };
  return { origin: await read('log-origin'), seedHex: await read('log-signing-key') };
}

function fail(reason: string): never {
  console.error(`npm run log-key: ${reason}\n\n${USAGE}`);
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(`npm run log-key: ${(err as Error).message}`);
  process.exit(1);
});
