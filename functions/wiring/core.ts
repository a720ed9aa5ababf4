import { createTableContext, type TableContext } from '../adapters/dynamodb/client';
import { DynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store';
import { DynamoUserReads } from '../adapters/dynamodb/user-reads';
import { systemClock, type Clock, type IdempotencyStore, type UserRepository } from '../domain/ports';
import { TokenVerifier } from '../shared/auth-token';
import { config, type AppConfig } from '../shared/config';
import { secretProvider } from '../shared/secrets';

/**
 * What every function needs: the table, people, idempotency and tokens, typed by the domain's
 * ports. The ledger and the audit trail's list are features' (functions that move no flowers do
 * not carry them); features add their own adapters (`feature` below), so a function's bundle
 * carries only the adapters its use cases use.
 */
export interface Core {
  config: AppConfig;
  clock: Clock;
  table: TableContext;
  /** Profiles by id (every authenticated request reads one); features that write people add the repository (parts.ts). */
  users: UserReads;
  idempotency: IdempotencyStore;
  /** Checks session tokens; sign-in, the one function that issues them, adds a TokenService (parts.ts). */
  tokens: TokenVerifier;
  jwtSecret: () => Promise<string>;
}

/** What every function reads of people; creating them, roles and session keys are features' (userParts). */
export type UserReads = Pick<UserRepository, 'findById'>;

export function buildCore(appConfig: AppConfig = config(), clock: Clock = systemClock): Core {
  const table = createTableContext({ tableName: appConfig.tableName, endpoint: appConfig.dynamodbEndpoint, region: appConfig.region });
  const { rules } = appConfig;
  const jwtSecret = secretProvider(appConfig.jwt.secret, appConfig.jwt.secretParam, 'JWT secret', appConfig.region);
  return {
    config: appConfig,
    clock,
    table,
    users: new DynamoUserReads(table),
    idempotency: new DynamoIdempotencyStore(table, {
      keepHours: rules.idempotency.keepHours,
      leaseSeconds: rules.idempotency.inProgressLeaseSeconds,
      waitMs: rules.idempotency.waitForInProgressMs,
      clock,
    }),
    tokens: new TokenVerifier(jwtSecret),
    jwtSecret,
  };
}

let coreInstance: Promise<Core> | undefined;
/** Integration tests hand the functions a whole container of their own (every feature's parts). */
let override: Promise<Core> | undefined;

/**
 * The process-wide core, built on first use (a cold start). A deployed stage reads its JWT secret
 * from SSM right then: without it the function answers nothing but 500s (and logs why), instead
 * of failing later mid-request. A failed start is tried again on the next request.
 */
export function core(): Promise<Core> {
  if (override) return override;
  coreInstance ??= Promise.resolve()
    .then(async () => {
      const built = buildCore();
      if (!built.config.isLocalStage) await built.jwtSecret();
      return built;
    })
    .catch((err: unknown) => {
      coreInstance = undefined;
      throw err;
    });
  return coreInstance;
}

export function setCoreOverrideForTests(replacement: Core | undefined): void {
  override = replacement ? Promise.resolve(replacement) : undefined;
}

/**
 * A feature's adapters on top of the core, built once per process on first use. A handler asks
 * for the features its use case needs; under a test override the test's container serves all.
 */
export function feature<T extends object>(build: (core: Core) => T): () => Promise<Core & T> {
  let built: Promise<Core & T> | undefined;
  return () => {
    if (override) return override as Promise<Core & T>;
    built ??= core().then((base) => ({ ...base, ...build(base) }));
    return built;
  };
}
