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

export function wechatParts(core: Core) {
  const { wechat } = core.config;
  const client = new HttpWechatClient({
    apiBase: wechat.apiBase,
    appId: wechat.appId,
    appSecret: secretProvider(wechat.appSecret, wechat.appSecretParam, 'WeChat app secret', core.config.region),
  });
  return { wechat: client, contentSafety: client };
}

export function sponsorParts(core: Core) {
  return { sponsors: new DynamoSponsorRepository(core.table) };
}

export function stepsParts(core: Core) {
  const { sponsors } = sponsorParts(core);
  return { sponsors, steps: new DynamoStepsRepository(core.table, core.ledger, sponsors), ...wechatParts(core) };
}

export function quizParts(core: Core) {
  return { quiz: new DynamoQuizRepository(core.table) };
}

export function storeParts(core: Core) {
  return { stores: new DynamoStoreRepository(core.table) };
}

export function lowCarbonParts(core: Core) {
  return { ...storeParts(core), memberCodes: new MemberCodeService(core.jwtSecret, core.config.rules.lowcarbon.memberCodeTtlSeconds) };
}

export function notificationParts(core: Core) {
  return { notifications: new DynamoNotificationRepository(core.table, core.clock) };
}

export function dreamParts(core: Core) {
  return {
    dreams: new DynamoDreamRepository(core.table, core.ledger, core.clock),
    teams: new DynamoTeamRepository(core.table, core.clock),
    ...notificationParts(core),
    ...wechatParts(core),
  };
}
