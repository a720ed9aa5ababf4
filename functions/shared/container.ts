import { DynamoAuditTrail } from '../adapters/dynamodb/audit-repository';
import { DynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store';
import { DynamoLedgerRepository } from '../adapters/dynamodb/ledger-repository';
import { createTableContext } from '../adapters/dynamodb/client';
import { DynamoUserRepository } from '../adapters/dynamodb/user-repository';
import { DynamoSponsorRepository } from '../adapters/dynamodb/sponsor-repository';
import { DynamoStepsRepository } from '../adapters/dynamodb/steps-repository';
import { DynamoQuizRepository } from '../adapters/dynamodb/quiz-repository';
import { DynamoStoreRepository } from '../adapters/dynamodb/store-repository';
import { MemberCodeService } from './member-code';
import { DynamoDreamRepository } from '../adapters/dynamodb/dream-repository';
import { DynamoTeamRepository } from '../adapters/dynamodb/team-repository';
import { DynamoNotificationRepository } from '../adapters/dynamodb/notification-repository';
import { HttpWechatClient } from '../adapters/wechat/wechat-client';
import { systemClock, type Clock } from '../domain/ports';
import { TokenService } from './auth-token';
import { config, type AppConfig } from './config';
import { secretProvider } from './secrets';

/** The composition root: adapters wired once per cold start, behind the domain's interfaces. */
export interface Container {
  config: AppConfig;
  clock: Clock;
  users: DynamoUserRepository;
  ledger: DynamoLedgerRepository;
  idempotency: DynamoIdempotencyStore;
  tokens: TokenService;
  wechat: HttpWechatClient;
  sponsors: DynamoSponsorRepository;
  steps: DynamoStepsRepository;
  quiz: DynamoQuizRepository;
  stores: DynamoStoreRepository;
  memberCodes: MemberCodeService;
  dreams: DynamoDreamRepository;
  teams: DynamoTeamRepository;
  notifications: DynamoNotificationRepository;
  audit: DynamoAuditTrail;
  contentSafety: HttpWechatClient;
}

export function buildContainer(appConfig: AppConfig = config(), clock: Clock = systemClock): Container {
  const table = createTableContext({ tableName: appConfig.tableName, endpoint: appConfig.dynamodbEndpoint, region: appConfig.region });
  const { rules } = appConfig;
  const ledger = new DynamoLedgerRepository(table, { maxAttempts: rules.ledger.maxMoveAttempts, clock });
  const sponsors = new DynamoSponsorRepository(table);
  const jwtSecret = secretProvider(appConfig.jwt.secret, appConfig.jwt.secretParam, 'JWT secret');
  const wechat = new HttpWechatClient({
    apiBase: appConfig.wechat.apiBase,
    appId: appConfig.wechat.appId,
    appSecret: secretProvider(appConfig.wechat.appSecret, appConfig.wechat.appSecretParam, 'WeChat app secret'),
  });
  return {
    config: appConfig,
    dreams: new DynamoDreamRepository(table, ledger, clock),
    teams: new DynamoTeamRepository(table, clock),
    notifications: new DynamoNotificationRepository(table, clock),
    audit: new DynamoAuditTrail(table),
    wechat,
    contentSafety: wechat,
    clock,
    users: new DynamoUserRepository(table, clock),
    ledger,
    sponsors,
    steps: new DynamoStepsRepository(table, ledger, sponsors),
    quiz: new DynamoQuizRepository(table),
    idempotency: new DynamoIdempotencyStore(table, {
      keepHours: rules.idempotency.keepHours,
      leaseSeconds: rules.idempotency.inProgressLeaseSeconds,
      waitMs: rules.idempotency.waitForInProgressMs,
      clock,
    }),
    tokens: new TokenService(jwtSecret, rules.auth.tokenTtlDays),
    memberCodes: new MemberCodeService(jwtSecret, rules.lowcarbon.memberCodeTtlSeconds),
    stores: new DynamoStoreRepository(table),
  };
}

let instance: Promise<Container> | undefined;
export function container(): Promise<Container> {
  instance ??= Promise.resolve().then(() => buildContainer());
  return instance;
}
/** Lets integration tests swap in a container pointed at their own table. */
export function setContainerForTests(replacement: Container | undefined): void {
  instance = replacement ? Promise.resolve(replacement) : undefined;
}
