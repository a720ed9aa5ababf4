import { core, feature } from './core';
import { logParts } from './log-parts';
import {
  dreamParts,
  dreamGiftParts,
  dreamPageParts,
  dreamReviewParts,
  fanoutParts,
  letterParts,
  lowCarbonParts,
  auditParts,
  ledgerParts,
  redemptionParts,
  rosterParts,
  storeAdminParts,
  photoCheckParts,
  meParts,
  profileParts,
  accountParts,
  notificationParts,
  pushParts,
  uploadParts,
  userParts,
  tokenParts,
  quizParts,
  signInParts,
  sponsorParts,
  stepsParts,
  storeParts,
  heldReviewParts,
  assemblyParts,
  promiseParts,
  pollParts,
} from './parts';
import { eventParts, subscriptionParts } from './event-parts';
import { mealParts, paymentNotifyParts, windupParts } from './meal-parts';
import { distributionParts, spotCheckParts } from './distribution-parts';

/*
 * What each function composes: the core plus its feature's adapters. The calls are marked pure
 * so a bundle drops every accessor (and every adapter) its handler does not use; the parts whose
 * adapters build something when they load (schemas, tables) live in files of their own, which
 * esbuild leaves out of the functions that do not use them (package.json here: no side effects).
 */
export { core as coreDeps };
/** The core and the whole people repository: the admin's people routes. */
export const peopleDeps = /* @__PURE__ */ feature(userParts);
/** The local stages' sign-in: people and the token issuer. */
export const devSignInDeps = /* @__PURE__ */ feature((core) => ({ ...userParts(core), ...tokenParts(core) }));
export const wechatDeps = /* @__PURE__ */ feature(signInParts);
export const stepsDeps = /* @__PURE__ */ feature(stepsParts);
export const sponsorDeps = /* @__PURE__ */ feature(sponsorParts);
export const quizDeps = /* @__PURE__ */ feature(quizParts);
export const lowCarbonDeps = /* @__PURE__ */ feature(lowCarbonParts);
/** The stores' routes: their parts and the people repository (an owner is named by id). */
export const storeDeps = /* @__PURE__ */ feature((core) => ({ ...storeParts(core), ...userParts(core) }));
export const notificationDeps = /* @__PURE__ */ feature(notificationParts);
export const dreamDeps = /* @__PURE__ */ feature(dreamParts);
export const dreamGiftDeps = /* @__PURE__ */ feature(dreamGiftParts);
export const dreamReviewDeps = /* @__PURE__ */ feature(dreamReviewParts);
export const eventDeps = /* @__PURE__ */ feature(eventParts);
export const fanoutDeps = /* @__PURE__ */ feature(fanoutParts);
export const subscriptionDeps = /* @__PURE__ */ feature(subscriptionParts);
export const letterDeps = /* @__PURE__ */ feature(letterParts);
export const uploadDeps = /* @__PURE__ */ feature(uploadParts);
export const pushDeps = /* @__PURE__ */ feature(pushParts);
export const ledgerDeps = /* @__PURE__ */ feature((core) => ({ ...ledgerParts(core), ...userParts(core) }));
export const meDeps = /* @__PURE__ */ feature(meParts);
export const profileDeps = /* @__PURE__ */ feature(profileParts);
export const accountDeps = /* @__PURE__ */ feature(accountParts);
export const auditDeps = /* @__PURE__ */ feature(auditParts);
export const dreamPageDeps = /* @__PURE__ */ feature(dreamPageParts);
export const mealDeps = /* @__PURE__ */ feature(mealParts);
export const redemptionDeps = /* @__PURE__ */ feature(redemptionParts);
export const rosterDeps = /* @__PURE__ */ feature(rosterParts);
export const windupDeps = /* @__PURE__ */ feature(windupParts);
export const paymentNotifyDeps = /* @__PURE__ */ feature(paymentNotifyParts);
export const storeAdminDeps = /* @__PURE__ */ feature(storeAdminParts);
export const photoCheckDeps = /* @__PURE__ */ feature(photoCheckParts);
export const heldDeps = /* @__PURE__ */ feature(heldReviewParts);
/** The public log: its sequencer (a stream consumer) and its public reads. */
export const logDeps = /* @__PURE__ */ feature(logParts);
/** Donor assemblies (公益股东人大会). */
export const assemblyDeps = /* @__PURE__ */ feature(assemblyParts);
/** Spot checks of closed distributions: the draw (from the stream) and admins' call-backs. */
export const spotCheckDeps = /* @__PURE__ */ feature(spotCheckParts);
/** Promises (承诺) and live polls of the assemblies. */
export const promiseDeps = /* @__PURE__ */ feature(promiseParts);
export const pollDeps = /* @__PURE__ */ feature(pollParts);
/** 数字签收: distributions, sign-offs and their field staff. */
export const distributionDeps = /* @__PURE__ */ feature(distributionParts);
