import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireStartLock, lockRefusal, lockVerdict, START_LOCK_FILE } from '../../scripts/lib/start-lock';

const alive = (pids: number[]) => (pid: number) => pids.includes(pid);

describe('one npm start per data folder', () => {
  it.each([
    ['no lock', null],
    ['an empty lock', ''],
    ['an unreadable lock', 'not a pid'],
    ['the lock of a dead process', '4242\n'],
  ])('%s is taken', (_name, content) => {
    // Act
    const verdict = lockVerdict(content, alive([]));

    // Assert
    expect(verdict).toEqual({ take: true });
  });

  it('the lock of a live process is refused, naming that process', () => {
    // Act
    const verdict = lockVerdict('4242\n', alive([4242]));

    // Assert
    expect(verdict).toEqual({ take: false, pid: 4242 });
  });

  it('a second start on the same folder gets one line naming the first one, and the first lock stays', () => {
    // Arrange
    const dataDir = mkdtempSync(join(tmpdir(), 'lrf-lock-'));
    const first = acquireStartLock(dataDir, { pid: 1001, isAlive: alive([1001, 1002]) });

    // Act
    const second = () => acquireStartLock(dataDir, { pid: 1002, isAlive: alive([1001, 1002]) });

    // Assert
    expect(second).toThrow(lockRefusal(dataDir, 1001));
    expect(lockRefusal(dataDir, 1001)).not.toContain('\n');
    expect(readFileSync(first.file, 'utf8').trim()).toBe('1001');
  });

  it('a stale lock of a dead process is taken over, and released only by its new owner', () => {
    // Arrange
    const dataDir = mkdtempSync(join(tmpdir(), 'lrf-lock-'));
    writeFileSync(join(dataDir, START_LOCK_FILE), '999\n');

    // Act
    const lock = acquireStartLock(dataDir, { pid: 1003, isAlive: alive([1003]) });

    // Assert
    expect(readFileSync(lock.file, 'utf8').trim()).toBe('1003');
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('releasing leaves alone a lock that another start took over since', () => {
    // Arrange
    const dataDir = mkdtempSync(join(tmpdir(), 'lrf-lock-'));
    const lock = acquireStartLock(dataDir, { pid: 1004, isAlive: alive([]) });
    writeFileSync(lock.file, '1005\n');

    // Act
    lock.release();

    // Assert
    expect(readFileSync(lock.file, 'utf8').trim()).toBe('1005');
  });
});
