import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname } from 'node:path';
import { ed25519FromSeed, nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { fromBase64, toBase64 } from '../../functions/domain/log-encoding';
import { SIGNATURE_COSIGNATURE, SIGNATURE_ED25519, formatVerifierKey, noteKey, parseVerifierKey, type NoteKey } from '../../functions/domain/log-note';
import { addCheckpoint, parseAddCheckpoint, type WitnessDeps, type WitnessedTree } from '../../functions/domain/log-witness';
import { LOCAL_LOG_ORIGIN, LOCAL_LOG_SEED } from '../../functions/shared/config/log';

/** The local witness's embedded key: a fixed seed, for local runs only (a real witness keeps its own). */
export const LOCAL_WITNESS_SEED = '6c6974746c652d7265642d666c6f7765722d6c6f63616c2d7769746e65737321';
export const LOCAL_WITNESS_NAME = 'localhost/little-red-flower/witness';

/** The local witness's key and the local log it witnesses. */
export function localWitnessDeps(logVerifierKey?: string): WitnessDeps {
  const { sha256, verify } = nodeLogCrypto;
  const own = ed25519FromSeed(Buffer.from(LOCAL_WITNESS_SEED, 'hex'));
  let log: NoteKey | undefined;
  if (logVerifierKey) log = parseVerifierKey(sha256, logVerifierKey);
  else log = noteKey(sha256, LOCAL_LOG_ORIGIN, SIGNATURE_ED25519, ed25519FromSeed(Buffer.from(LOCAL_LOG_SEED, 'hex')).publicKey);
  if (!log) throw new Error(`--log: "${logVerifierKey}" is not a verifier key`);
  return { sha256, verify, key: noteKey(sha256, LOCAL_WITNESS_NAME, SIGNATURE_COSIGNATURE, own.publicKey), sign: own.sign, logs: [log] };
}

/** The witness's memory: the tree it cosigned last for each origin, in a JSON file. */
type StoredTrees = Record<string, { size: number; root: string }>;

function readTrees(file: string): StoredTrees {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredTrees) : {};
}

/** Written to a temporary file and renamed: a witness killed mid-write keeps the old state whole. */
function writeTrees(file: string, trees: StoredTrees): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(trees, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

export interface WitnessServerOptions {
  deps: WitnessDeps;
  stateFile: string;
  port: number;
  host?: string;
  /** Seconds since the epoch, for the cosignature's timestamp. */
  now?: () => number;
}

/**
 * POST /add-checkpoint (C2SP tlog-witness). Requests are decided one at a time, and a new tree is
 * persisted before the cosignature is sent: a witness that answered can never later forget it and
 * cosign a conflicting tree.
 */
export async function startWitnessServer(options: WitnessServerOptions): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  let queue: Promise<unknown> = Promise.resolve();
  const decide = (body: string) => {
    const run = queue.then(() => {
      const request = parseAddCheckpoint(body);
      if (!request) return { status: 400, body: 'malformed request\n', type: 'text/plain' };
      const trees = readTrees(options.stateFile);
      const origin = request.note.split('\n', 1)[0];
      const known = trees[origin];
      const stored: WitnessedTree | undefined = known ? { size: known.size, root: fromBase64(known.root)! } : undefined;
      const answer = addCheckpoint(options.deps, stored, request, now());
      if (answer.status === 200) writeTrees(options.stateFile, { ...trees, [answer.origin]: { size: answer.tree.size, root: toBase64(answer.tree.root) } });
      return { status: answer.status, body: answer.body, type: answer.status === 409 ? 'text/x.tlog.size' : 'text/plain; charset=utf-8' };
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/add-checkpoint') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= 64 * 1024) chunks.push(chunk);
    });
    req.on('end', () => {
      if (length > 64 * 1024) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('request too large\n');
        return;
      }
      decide(Buffer.concat(chunks).toString('utf8')).then(
        (answer) => res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The local witness a launcher starts beside the API (on a free port, its state beside the data):
 * `logWitnesses` is the LOG_WITNESSES value that makes the sequencer ask it.
 */
export async function startLocalWitness(stateFile: string): Promise<{ url: string; logWitnesses: string; close: () => Promise<void> }> {
  const deps = localWitnessDeps();
  const { url, close } = await startWitnessServer({ deps, stateFile, port: 0 });
  return { url, logWitnesses: `${formatVerifierKey(deps.key)} ${url}`, close };
}
