import { ValidationError } from '../../shared/errors';

/**
 * List cursors are opaque to clients: base64url of the last sort key. The partition is always
 * rebuilt on the server, so a crafted cursor can never read another owner's items.
 */
export function encodeCursor(sortKey: string | undefined): string | null {
  return sortKey ? Buffer.from(JSON.stringify({ s: sortKey }), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined, expectedPrefix: string): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s === 'string' && parsed.s.startsWith(expectedPrefix) && parsed.s.length <= 200) return parsed.s;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('cursor 无效', [{ path: ['cursor'], message: 'invalid cursor' }]);
}
