import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartRefused } from './start-refused';

/** The file in the data folder that says which `npm start` is using it. */
export const START_LOCK_FILE = 'start.lock';

/**
 * What to do with the lock found in the data folder: take it when there is none, when it is
 * unreadable, or when its process is gone (a start killed with -9 leaves it behind); else another
 * start is running on this data and this one must not share it.
 */
export function lockVerdict(content: string | null, isAlive: (pid: number) => boolean): { take: true } | { take: false; pid: number } {
  const pid = Number(content?.trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { take: true };
  return { take: false, pid };
}

/** The one line shown to the second start. */
export function lockRefusal(dataDir: string, pid: number): string {
  return `Another npm start (pid ${pid}) is already using ${dataDir}: stop it first, or set DATA_DIR to start on other data.`;
}

/** Signal 0 only asks: EPERM means the process exists but belongs to someone else. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const readOrNull = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/**
 * Takes the data folder for this process (the folder must exist), or throws the one line naming
 * the start that holds it. `wx` creates the file only if it is missing, so two starts at the same
 * instant cannot both win; a stale lock is removed and the creation tried once more.
 */
export function acquireStartLock(dataDir: string, options: { pid?: number; isAlive?: (pid: number) => boolean } = {}): { file: string; release(): void } {
  const pid = options.pid ?? process.pid;
  const file = join(dataDir, START_LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const verdict = lockVerdict(readOrNull(file), options.isAlive ?? processIsAlive);
      if (!verdict.take) throw new StartRefused(lockRefusal(dataDir, verdict.pid));
      if (attempt > 0) throw new StartRefused(`Could not take ${file}: another start is taking it right now.`);
      rmSync(file, { force: true });
    }
  }
  return {
    file,
    // Only our own lock is removed: never one a later start took over.
    release: () => {
      if (readOrNull(file)?.trim() === String(pid)) rmSync(file, { force: true });
    },
  };
}
