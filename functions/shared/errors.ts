/**
 * The one error module of the edge: the domain's typed errors (re-exported here for the handlers)
 * and the one mapper to the contract's envelope `{"error": {"code", "message", "details?"}}`.
 * Anything else becomes a 500 with no internals; an error's `cause` is for the log, never the body.
 */
import { AppError } from '../domain/errors';

export * from '../domain/errors';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return { status: err.status, body };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } } };
}
