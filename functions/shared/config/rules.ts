import { z } from 'zod';
import rulesJson from '../../../config/rules.json';

/**
 * Every rule value (caps, rates, prices) from config/rules.json, validated at cold start so a bad
 * deployment fails loudly instead of computing wrong balances.
 */
const positiveInt = z.number().int().positive();

const rulesSchema = z.object({
  timezone: z.string().min(1),
  auth: z.object({ tokenTtlDays: positiveInt.min(7) }),
  idempotency: z.object({
    keepHours: positiveInt.min(24),
    inProgressLeaseSeconds: positiveInt,
    waitForInProgressMs: positiveInt,
  }),
  ledger: z.object({ maxMoveAttempts: positiveInt }),
  steps: z.object({
    stepsPerFlower: positiveInt,
    maxFlowersPerDay: positiveInt,
    minSteps: positiveInt,
    maxStepsPerDay: positiveInt,
  }),
  quiz: z.object({ questionsPerDay: positiveInt, flowersPerCorrectAnswer: positiveInt }),
  lowcarbon: z.object({ flowersPerAction: positiveInt, maxFlowersPerDay: positiveInt, memberCodeTtlSeconds: positiveInt }),
  sponsors: z.object({ maxMatchFenPerUserPerDay: positiveInt }),
  meals: z.object({
    priceFen: positiveInt,
    maxMealsPerDonation: positiveInt.max(1_000),
    fundShards: positiveInt.max(32),
    lotShards: positiveInt.max(16),
    passTtlSeconds: positiveInt.max(300),
    passWindowSeconds: positiveInt.max(300),
    mealsPerWorkerPerPeriod: positiveInt,
    workerPeriod: z.enum(['day', 'week', 'month']),
  }),
  devGrant: z.object({ maxFlowersPerGrant: positiveInt }),
  quotas: z.object({
    dreamsPerDay: positiveInt,
    teamsPerDay: positiveInt,
    storesPerDay: positiveInt,
    teamJoinAttemptsPerMinute: positiveInt,
    failedLoginsPerMinute: positiveInt,
    uploadsPerDay: positiveInt,
    lettersPerDay: positiveInt,
    mealDonationsPerDay: positiveInt,
    workerClaimsPerDay: positiveInt,
  }),
  uploads: z.object({
    // A photo comes through Lambda, base64 (a third larger) inside its 6 MB request limit: 4 MiB at most.
    maxBytes: positiveInt.max(4 * 1024 * 1024),
    postTtlSeconds: positiveInt.max(3_600),
    viewUrlTtlSeconds: positiveInt.max(7 * 24 * 3_600),
    checkUrlTtlSeconds: positiveInt.max(24 * 3_600),
  }),
  letters: z.object({ maxGapDays: positiveInt, maxPeriodDays: positiveInt.default(93) }),
  review: z.object({ maxPerProposerInQueue: positiveInt }),
  fanout: z.object({
    pageSize: positiveInt.max(1_000),
    concurrency: positiveInt.max(100),
    sendRetryBackoffMs: z.array(positiveInt).max(10),
    sendsPerSecondPerWorker: positiveInt,
  }),
  subscribe: z.object({
    maxCreditsPerTopic: positiveInt,
  }),
  // How long an acknowledged gift may wait for a signed checkpoint (the sequencer's batches are far shorter).
  log: z.object({ maxDelaySeconds: positiveInt.max(300) }),
  // Digital sign-off: the spot check's share and floor, a distribution's size, how far a queued
  // sign-off's time may lie behind or ahead, and how many counter items its progress is spread over.
  signoff: z.object({
    sampleSize: z.number().positive().max(1),
    sampleMin: positiveInt,
    maxRecipients: positiveInt.max(5_000),
    signedAtMaxAgeDays: positiveInt,
    signedAtMaxAheadSeconds: positiveInt,
    counterShards: positiveInt.max(64),
  }),
  // Donor assemblies: how many top questions must be answered before the minutes, reports that hide a question, vote counter shards.
  assemblies: z.object({ mustAnswer: positiveInt, reportsToHide: positiveInt, voteShards: positiveInt.max(64) }),
  // Live polls: how many counter items one poll's answers are spread over.
  polls: z.object({ countShards: positiveInt.max(64) }),
});

export type Rules = z.infer<typeof rulesSchema>;

/** The rule values, checked against their bounds. */
export function loadRules(): Rules {
  return rulesSchema.parse(rulesJson);
}
