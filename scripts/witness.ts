/**
 * `npm run witness`: a local witness for the public log (C2SP tlog-witness), which `npm start`
 * and `npm run api` start beside the API. `--print-key` prints its verifier key and exits.
 */
import { join } from 'node:path';
import { formatVerifierKey } from '../functions/domain/log-note';
import { localWitnessDeps, startWitnessServer } from './lib/witness-server';
import { parseScriptArgs } from './lib/usage';

const USAGE = `
Usage: npm run witness -- [--port <n>] [--state <file>] [--log <verifier key>] [--print-key]

A local witness: cosigns the public log's checkpoints after checking consistency.
  --port       where to listen (default 3790)
  --state      the file keeping the tree it cosigned last (default .data/witness/state.json)
  --log        the log's verifier key (default: the local log's embedded key)
  --print-key  print the witness's verifier key and exit
`;

async function main() {
  const { values } = parseScriptArgs(USAGE, { port: { type: 'string' }, state: { type: 'string' }, log: { type: 'string' }, 'print-key': { type: 'boolean' } });
  const deps = localWitnessDeps(values.log as string | undefined);
  if (values['print-key']) {
    console.log(formatVerifierKey(deps.key));
    return;
  }
  const stateFile = (values.state as string | undefined) ?? join(process.cwd(), '.data', 'witness', 'state.json');
  const { url } = await startWitnessServer({ deps, stateFile, port: Number(values.port ?? 3790) });
  console.log(`witness ${formatVerifierKey(deps.key)} listening on ${url}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`witness: ${(error as Error).message}`);
    process.exit(1);
  });
}
