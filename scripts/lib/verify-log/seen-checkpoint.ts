import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The last checkpoint a verifier saw of a log: the next run proves the log grew from it. */
export interface SeenCheckpoint {
  origin: string;
  size: number;
  /** base64, as the checkpoint writes it. */
  root: string;
  note: string;
}

/** `.data/verify-log/<origin with / replaced>.json`: one file per log. */
export function defaultStateFile(origin: string, cwd = process.cwd()): string {
  return join(cwd, '.data', 'verify-log', `${origin.replace(/[/\\:]/g, '_')}.json`);
}

export function readSeen(file: string): SeenCheckpoint | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as SeenCheckpoint;
}

/** Written whole or not at all, so a verifier killed half-way never leaves half a file. */
export function writeSeen(file: string, seen: SeenCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(seen, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
