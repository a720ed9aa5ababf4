import { systemClock, type Clock } from '../domain/ports';
import { dreamBooks, type DreamBooks } from '../domain/dream-books';
import { DynamoDreamBooks } from '../adapters/dynamodb/dream-books';
import { config, type AppConfig } from '../shared/config';
import { buildCore, setCoreOverrideForTests, type Core } from './core';
import {
  auditParts,
  redemptionParts,
  rosterParts,
  photoCheckParts,
  ledgerParts,
  dreamPageParts,
  dreamGiftParts,
  dreamReviewParts,
  letterParts,
  lowCarbonParts,
  notificationParts,
  pushParts,
  quizParts,
  stepsParts,
  assemblyParts,
  promiseParts,
  pollParts,
  tokenParts,
} from './parts';
import { eventParts } from './event-parts';
import { mealParts, paymentNotifyParts } from './meal-parts';
import { distributionParts, spotCheckParts } from './distribution-parts';

/**
 * The whole composition root, every feature's adapters on one core: for scripts (seed, bench,
 * roles, reconcile) and tests. Functions compose only what they use (core.ts, features.ts).
 */
export type Container = Core &
  ReturnType<typeof tokenParts> &
  ReturnType<typeof mealParts> &
  Pick<ReturnType<typeof paymentNotifyParts>, 'windup'> &
  Pick<ReturnType<typeof redemptionParts>, 'passes' | 'queue'> &
  Pick<ReturnType<typeof rosterParts>, 'roster'> &
  Pick<ReturnType<typeof photoCheckParts>, 'mediaCheck'> &
  ReturnType<typeof auditParts> &
  ReturnType<typeof ledgerParts> &
  ReturnType<typeof stepsParts> &
  ReturnType<typeof quizParts> &
  ReturnType<typeof lowCarbonParts> &
  ReturnType<typeof dreamPageParts> &
  ReturnType<typeof dreamGiftParts> &
  ReturnType<typeof dreamReviewParts> &
  ReturnType<typeof notificationParts> &
  Omit<ReturnType<typeof eventParts>, 'notifications'> &
  Pick<ReturnType<typeof pushParts>, 'verifyPush'> &
  ReturnType<typeof letterParts> & { dreamBooks: DreamBooks } & Pick<ReturnType<typeof distributionParts>, 'distributions' | 'signoffPepper'> &
  ReturnType<typeof spotCheckParts> &
  Pick<ReturnType<typeof assemblyParts>, 'assemblies' | 'donors'> &
  ReturnType<typeof promiseParts> &
  ReturnType<typeof pollParts>;

export function buildContainer(appConfig: AppConfig = config(), clock: Clock = systemClock): Container {
  const base = buildCore(appConfig, clock);
  return {
    ...base,
    ...tokenParts(base),
    ...mealParts(base),
    windup: paymentNotifyParts(base).windup,
    passes: redemptionParts(base).passes,
    queue: redemptionParts(base).queue,
    roster: rosterParts(base).roster,
    mediaCheck: photoCheckParts(base).mediaCheck,
    ...auditParts(base),
    ...ledgerParts(base),
    ...stepsParts(base),
    ...quizParts(base),
    ...lowCarbonParts(base),
    ...dreamPageParts(base),
    ...dreamGiftParts(base),
    ...dreamReviewParts(base),
    ...eventParts(base),
    ...notificationParts(base),
    verifyPush: pushParts(base).verifyPush,
    ...letterParts(base),
    ...spotCheckParts(base),
    dreamBooks: dreamBooks(new DynamoDreamBooks(base.table), clock),
    distributions: distributionParts(base).distributions,
    signoffPepper: distributionParts(base).signoffPepper,
    assemblies: assemblyParts(base).assemblies,
    donors: assemblyParts(base).donors,
    ...promiseParts(base),
    ...pollParts(base),
  };
}

/** Lets integration tests hand every function a container pointed at their own table. */
export function setContainerForTests(replacement: Container | undefined): void {
  setCoreOverrideForTests(replacement);
}
