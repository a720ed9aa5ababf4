import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeLogCrypto, ed25519FromSeed } from '../../functions/adapters/crypto/log-crypto';
import { SIGNATURE_ED25519, noteKey } from '../../functions/domain/log-note';
import type { LogSigner, LogTileStore, PendingEntry } from '../../functions/domain/log-ports';

/** The log's test key: a fixed seed, so a test can check signatures against a known verifier key. */
export function testSigner(origin = 'test.example/log', seedByte = 7): LogSigner {
  const { publicKey, sign } = ed25519FromSeed(new Uint8Array(32).fill(seedByte));
  return { key: noteKey(nodeLogCrypto.sha256, origin, SIGNATURE_ED25519, publicKey), sign };
}

/** Tiles in memory, counting writes (a path written twice must get the same bytes). */
export function memoryTiles(): LogTileStore & { files: Map<string, Uint8Array>; rewrites: string[] } {
  const files = new Map<string, Uint8Array>();
  const rewrites: string[] = [];
  return {
    files,
    rewrites,
    async put(path, bytes) {
      const before = files.get(path);
      if (before && Buffer.compare(Buffer.from(before), Buffer.from(bytes)) !== 0) rewrites.push(path);
      files.set(path, bytes);
    },
    async get(path) {
      return files.get(path) ?? null;
    },
  };
}

/** Tiles in a folder (what a process killed with -9 leaves behind), written atomically like S3 does. */
export function folderTiles(root: string): LogTileStore {
  return {
    async put(path, bytes) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, bytes);
      renameSync(`${file}.tmp`, file);
    },
    async get(path) {
      const file = join(root, path);
      return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
    },
  };
}

/** Gifts as the stream would bring them: the same ref always makes the same entry. */
export function pendingGifts(count: number, prefix = 'gift', from = 0): PendingEntry[] {
  return Array.from({ length: count }, (_, at) => {
    const n = from + at;
    const ref = `${prefix}-${String(n).padStart(6, '0')}`;
    return {
      ref,
      personId: `person-${n % 97}`,
      entry: (donor) => ({ v: 1, kind: 'dream_gift', ref, at: '2026-12-03T08:00:00.000Z', dream: `dream-${n % 5}`, flowers: 1 + (n % 9), donor: donor! }),
    };
  });
}
