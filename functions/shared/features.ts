import { DynamoDreamRepository } from '../adapters/dynamodb/dream-repository';
import { DynamoNotificationRepository } from '../adapters/dynamodb/notification-repository';
import { DynamoQuizRepository } from '../adapters/dynamodb/quiz-repository';
import { DynamoSponsorRepository } from '../adapters/dynamodb/sponsor-repository';
import { DynamoStepsRepository } from '../adapters/dynamodb/steps-repository';
import { DynamoStoreRepository } from '../adapters/dynamodb/store-repository';
import { DynamoTeamRepository } from '../adapters/dynamodb/team-repository';
import { HttpWechatClient } from '../adapters/wechat/wechat-client';
import type { Core } from './core';
import { MemberCodeService } from './member-code';
import { secretProvider } from './secrets';

/*
 * Each feature's adapters, as a function of the core. Handlers import only the ones they use
 * (through their feature's accessor); buildContainer (scripts, tests) puts them all together.
 */

/**
 * Parts several features share are built once per core, so a process has one WeChat client (one
 * access-token cache) and one sponsor repository however many features ask for them.
 */
function perCore<T>(build: (core: Core) => T): (core: Core) => T {
  const built = new WeakMap<Core, T>();
  return (core) => {
    if (!built.has(core)) built.set(core, build(core));
    return built.get(core)!;
  };
}

export const wechatParts = /* @__PURE__ */ perCore((core) => {
  const { wechat } = core.config;
  const client = new HttpWechatClient({
    apiBase: wechat.apiBase,
    appId: wechat.appId,
    appSecret: secretProvider(wechat.appSecret, wechat.appSecretParam, 'WeChat app secret', core.config.region),
  });
  return { wechat: client, contentSafety: client };
});

export const sponsorParts = /* @__PURE__ */ perCore((core) => ({ sponsors: new DynamoSponsorRepository(core.table) }));

export function stepsParts(core: Core) {
  const { sponsors } = sponsorParts(core);
  return { sponsors, steps: new DynamoStepsRepository(core.table, core.ledger, sponsors), ...wechatParts(core) };
}

export function quizParts(core: Core) {
  return { quiz: new DynamoQuizRepository(core.table) };
}

export const storeParts = /* @__PURE__ */ perCore((core) => ({ stores: new DynamoStoreRepository(core.table) }));

export function lowCarbonParts(core: Core) {
  return { ...storeParts(core), memberCodes: new MemberCodeService(core.jwtSecret, core.config.rules.lowcarbon.memberCodeTtlSeconds) };
}

export const notificationParts = /* @__PURE__ */ perCore((core) => ({
  notifications: new DynamoNotificationRepository(core.table, core.clock),
}));

export function dreamParts(core: Core) {
  return {
    dreams: new DynamoDreamRepository(core.table, core.ledger, core.clock),
    teams: new DynamoTeamRepository(core.table, core.clock),
    ...notificationParts(core),
    ...wechatParts(core),
  };
}
