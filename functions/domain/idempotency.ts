import { createHash } from 'node:crypto';
import { ValidationError } from './errors';

/** The contract: an Idempotency-Key is 1–128 printable ASCII characters. */
const KEY_PATTERN = /^[\x20-\x7e]{1,128}$/;

export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!KEY_PATTERN.test(raw)) throw new ValidationError('Idempotency-Key 必须是 1–128 个可打印 ASCII 字符');
  return raw;
}

/** A key belongs to one user and one method + path. */
export interface IdempotencyScope {
  userId: string;
  method: string;
  path: string;
  key: string;
}

/** The response a repeat gets back: every answer but a 5xx is final. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Proof that this request owns the key; needed to finalize it. */
export interface IdempotencyClaim {
  scope: IdempotencyScope;
  ownerToken: string;
  requestHash: string;
}

/** Ties a flower move to its key: the move's transaction also stores the response. */
export interface IdempotentCompletion<R> {
  claim: IdempotencyClaim;
  render: (result: R) => StoredResponse;
  /** Set by the ledger once the move's transaction has stored the response: nothing is left to store. */
  stored?: boolean;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Equal JSON bodies (whatever their key order or spacing) hash equally. */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}
