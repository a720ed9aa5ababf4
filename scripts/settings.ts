/**
 * `npm run settings -- <list|set|check> --stage <stage> [--region <region>]`: a deployed stage's
 * settings and secrets in SSM Parameter Store, set once by an operator, validated before they are
 * written. The stack reads the plain ones at every deploy and the functions read the secrets at
 * start, so nothing depends on the shell that deploys.
 *
 *   npm run settings -- set wechat-app-id wx0123456789abcdef --stage prod
 *   npm run settings -- set wechatpay-merchant-key --file apiclient_key.pem --stage prod
 *   npm run settings -- check --stage prod      (npm run deploy runs it first)
 */
import { GetParametersCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { readFileSync } from 'node:fs';
import { ALL_SETTINGS, findSetting, parameterName, settingsProblems } from './lib/settings-catalog';
import { parseScriptArgs } from './lib/usage';

const USAGE = `Usage: npm run settings -- <command> --stage <stage> [--region <region>]

Commands:
  list                      every setting and secret, where it lives, and whether it is set
  set <name> <value>        validate and write one (--file <path> reads the value from a file)
  set <name> generate       make a fresh one where the project can (log-signing-key); never overwrites
  check                     exit 1 with one line per missing or malformed setting

Settings: ${ALL_SETTINGS.map((spec) => spec.name).join(', ')}
Optional ones take the value 'none' (the feature is off). AWS credentials come from the terminal.`;

async function main() {
  const { values, positionals } = parseScriptArgs(
    USAGE,
    { stage: { type: 'string' }, region: { type: 'string' }, file: { type: 'string' } },
    { allowPositionals: true },
  );
  const [command, name, inline] = positionals;
  const stage = String(values.stage ?? '');
  if (!command || !stage || stage === 'local' || stage === 'test') fail('give a command and a deployed --stage (local and test need no settings)');
  const ssm = new SSMClient(values.region ? { region: String(values.region) } : {});

  if (command === 'set') {
    const spec = name ? findSetting(name) : undefined;
    if (!spec) fail(`unknown setting ${name ?? '(none given)'}`);
    // A generated value (a signing key) never replaces a stored one: a new key would orphan what the old one signed.
    const generated = inline === 'generate' && spec.generate !== undefined;
    const value = values.file ? readFileSync(String(values.file), 'utf8').trim() : generated ? spec.generate!() : inline;
    if (value === undefined) fail(`give a value for ${spec.name}, or --file`);
    const why = spec.validate(value);
    if (why) fail(`${spec.name} not written: ${why}`);
    await ssm.send(
      new PutParameterCommand({ Name: parameterName(stage, spec), Value: value, Type: spec.secret ? 'SecureString' : 'String', Overwrite: !generated }),
    );
    console.log(`✓ ${parameterName(stage, spec)} set${spec.secret ? ' (SecureString)' : ''}`);
    return;
  }

  const stored = await readAll(ssm, stage);
  if (command === 'list') {
    for (const spec of ALL_SETTINGS) {
      const value = stored.get(parameterName(stage, spec));
      const shown = value === undefined ? 'not set' : spec.secret ? 'set (secret)' : value;
      console.log(`${spec.name.padEnd(32)} ${shown.padEnd(24)} ${spec.describe}`);
    }
    return;
  }
  if (command === 'check') {
    const problems = settingsProblems(stage, stored);
    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length) process.exit(1);
    console.log(`✓ every setting of ${stage} is present and valid`);
    return;
  }
  fail(`unknown command ${command}`);
}

/** Every setting's stored value (GetParameters takes ten names at a time). */
async function readAll(ssm: SSMClient, stage: string): Promise<Map<string, string>> {
  const names = ALL_SETTINGS.map((spec) => parameterName(stage, spec));
  const stored = new Map<string, string>();
  for (let i = 0; i < names.length; i += 10) {
    const answer = await ssm.send(new GetParametersCommand({ Names: names.slice(i, i + 10), WithDecryption: true }));
    for (const parameter of answer.Parameters ?? []) stored.set(parameter.Name!, parameter.Value ?? '');
  }
  return stored;
}

function fail(reason: string): never {
  console.error(`npm run settings: ${reason}\n\n${USAGE}`);
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(`npm run settings: ${(err as Error).message}`);
  process.exit(1);
});
