import { nodeLogCrypto } from '../adapters/crypto/log-crypto';
import { DynamoDistributionStore } from '../adapters/dynamodb/distribution-store';
import { distributionKeys } from '../adapters/dynamodb/distribution-keys';
import { DynamoLogCheckpoint } from '../adapters/dynamodb/log-checkpoint';
import { DynamoSpotCheckStore } from '../adapters/dynamodb/spot-check-store';
import type { DistributionStore } from '../domain/distribution';
import type { Sha256 } from '../domain/log-encoding';
import type { LogStore } from '../domain/log-ports';
import type { SpotCheckStore } from '../domain/spot-check';
import { loadSignoffSettings } from '../shared/config/signoff';
import { secretProvider } from '../shared/secrets';
import { distributionFacts, dreamAudience, heldTextParts, objectStore, perCore, uploadRepository, wechatParts } from './parts';

/*
 * 数字签收 and its spot checks. In a file of their own: the sign-off settings' schema and the log's
 * hashing tables are built when their modules load, so only these functions carry them
 * (functions/wiring/package.json lets esbuild drop the rest).
 */

/** Spot checks: their store, the distributions they draw from, and the log's served checkpoint (the seed). */
export interface SpotCheckParts {
  spotChecks: SpotCheckStore;
  distributions: Pick<DistributionStore, 'get' | 'recipients'>;
  log: Pick<LogStore, 'state'>;
  sha256: Sha256;
}

export const spotCheckParts = /* @__PURE__ */ perCore((core): SpotCheckParts => ({
  spotChecks: new DynamoSpotCheckStore(core.table, distributionKeys.profile),
  distributions: distributionFacts(core),
  // The served checkpoint only (the draw's seed): none of the log's appends and receipts.
  log: new DynamoLogCheckpoint(core.table),
  sha256: nodeLogCrypto.sha256,
}));

/** One distribution store per core, for the sign-off function (and scripts and tests through the container). */
export const distributionStore = /* @__PURE__ */ perCore((core): DistributionStore => new DynamoDistributionStore(core.table));

/** 数字签收: distributions, the dream they belong to, photos, WeChat's text check and the codes' pepper. */
export const distributionParts = /* @__PURE__ */ perCore((core) => {
  const settings = loadSignoffSettings(core.config.env, core.config.isLocalStage);
  return {
    distributions: distributionStore(core),
    audience: dreamAudience(core),
    contentSafety: wechatParts(core).contentSafety,
    heldTexts: heldTextParts(core).heldTexts,
    signoffPepper: secretProvider(settings.pepper, settings.pepperParam, 'sign-off code pepper', core.config.region),
    // Sign-off photos are uploads someone already made: their records and view URLs, no upload quotas.
    uploads: uploadRepository(core),
    objects: objectStore(core),
  };
});
