import type { IdempotencyScope } from '../../domain/idempotency';

/** Key builder for idempotency records: one item per (user, method, path, key). */
export const idempotencyKeys = {
  record: (scope: IdempotencyScope) => ({
    PK: `IDEMPOTENCY#${scope.userId}#${scope.method} ${scope.path}#${scope.key}`,
    SK: 'IDEMPOTENCY',
  }),
};
