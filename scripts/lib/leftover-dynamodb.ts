import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * True when what answers on the port is the DynamoDB Local an earlier start on this same data
 * folder left behind (a kill -9 of its parent): its pid is in `<dataDir>/dynamodb.pid` and its
 * command line names this folder and this port. Starting DynamoDB Local ends that one first (see
 * killStale in dynamodb-local.ts), so it is not in the way; any other DynamoDB Local is.
 */
export function isLeftoverOfThisData(dataDir: string, port: number, readText: (path: string) => string = (path) => readFileSync(path, 'utf8')): boolean {
  try {
    const pid = Number(readText(join(dataDir, 'dynamodb.pid')).trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    const args = readText(`/proc/${pid}/cmdline`).split('\0');
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    return args.some((arg) => arg.includes('DynamoDBLocal')) && after('-port') === String(port) && after('-dbPath') === resolve(dataDir, 'dynamodb');
  } catch {
    return false;
  }
}
