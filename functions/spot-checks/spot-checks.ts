import type { AdminSpotCheckView, CallOutcome, SpotCheckView } from '../contract/spot-checks';
import { assertNotOwnWork, auditRecord, type AuditActor } from '../domain/audit';
import { ContentionError, NotFoundError } from '../domain/errors';
import type { Sha256 } from '../domain/log-encoding';
import type { LogStore } from '../domain/log-ports';
import { maskName } from '../domain/name-mask';
import type { Clock } from '../domain/ports';
import type { DistributionStore } from '../domain/distribution';
import { needsAttention, openCalls, resolved, withCall, type SpotCheck, type SpotCheckStore } from '../domain/spot-check';
import { drawSample, rootBytes, sampleSizeFor, seedOf, type SampleRule } from '../domain/spot-check-draw';

/**
 * Spot checks (抽查回访): a closed distribution's sample is drawn once, from the public log's
 * checkpoint; admins call each sampled recipient back, and a dispute flags the distribution
 * publicly until an admin resolves it. The charity never records a call-back.
 */
export interface SpotCheckDeps {
  clock: Clock;
  spotChecks: SpotCheckStore;
  distributions: Pick<DistributionStore, 'get' | 'recipients'>;
  log: Pick<LogStore, 'state'>;
  sha256: Sha256;
  config: { rules: { signoff: SampleRule } };
}

/** How the audit trail words an outcome (an admin reads it there). */
const OUTCOME_WORDS: Record<CallOutcome, string> = { confirmed: '已确认收到', not_reached: '未联系上', disputed: '有争议' };

/** Writes that lost to another admin's change are tried again over the fresh record this many times. */
const SAVE_ATTEMPTS = 3;

/**
 * A distribution closed (from the table's stream): draw its sample, once. A repeated record finds
 * the draw and stops, so the seed it stored — the checkpoint served when the close was first
 * processed — is the one that counts; a later checkpoint never redraws.
 */
export async function drawSpotCheck(deps: SpotCheckDeps, distributionId: string): Promise<SpotCheck | null> {
  const existing = await deps.spotChecks.get(distributionId);
  if (existing) return existing;
  const distribution = await deps.distributions.get(distributionId);
  if (!distribution || distribution.status !== 'closed') return null;
  const signed = (await deps.distributions.recipients(distributionId))
    .filter((recipient) => recipient.signedAt !== null)
    .sort((a, b) => (a.recipientId < b.recipientId ? -1 : 1));
  const seed = seedOf(deps.sha256, (await deps.log.state())?.published.note || null);
  const size = sampleSizeFor(signed.length, deps.config.rules.signoff);
  const byId = new Map(signed.map((recipient) => [recipient.recipientId, recipient]));
  const sample = drawSample(
    deps.sha256,
    rootBytes(seed),
    signed.map((recipient) => recipient.recipientId),
    size,
  );
  const check: SpotCheck = {
    distributionId,
    dreamId: distribution.dreamId,
    charityId: distribution.charityId,
    title: distribution.title,
    seed,
    signedCount: signed.length,
    drawnAt: deps.clock.now().toISOString(),
    calls: sample.map((id) => {
      const { name, village, quantity } = byId.get(id)!;
      return { recipientId: id, name, village, quantity, outcome: null, note: null, at: null };
    }),
    disputed: false,
    resolutions: [],
    version: 1,
  };
  // Two deliveries at once: the second's write fails and it answers the first's draw.
  return (await deps.spotChecks.create(check, needsAttention(check))) ? check : deps.spotChecks.get(distributionId);
}

/** GET /distributions/{id}/spot-check: public; names masked like every public name of a recipient. */
export async function publicSpotCheck(deps: Pick<SpotCheckDeps, 'spotChecks'>, distributionId: string): Promise<SpotCheckView> {
  const check = await deps.spotChecks.get(distributionId);
  if (!check) throw new NotFoundError('这次发放还没有抽查');
  return {
    seed: check.seed,
    sampleSize: check.calls.length,
    calls: check.calls.map((call) => ({ recipientId: call.recipientId, maskedName: maskName(call.name), outcome: call.outcome, at: call.at })),
    disputed: check.disputed,
  };
}

export function adminView(check: SpotCheck): AdminSpotCheckView {
  return {
    distributionId: check.distributionId,
    dreamId: check.dreamId,
    title: check.title,
    seed: check.seed,
    signedCount: check.signedCount,
    sampleSize: check.calls.length,
    drawnAt: check.drawnAt,
    openCalls: openCalls(check),
    disputed: check.disputed,
    calls: check.calls.map(({ recipientId, name, village, quantity, outcome, note, at }) => ({ recipientId, name, village, quantity, outcome, note, at })),
    resolutions: check.resolutions,
  };
}

/** GET /admin/spot-checks: draws with a call to make or a dispute to settle, newest first. */
export async function spotChecksNeedingAttention(deps: Pick<SpotCheckDeps, 'spotChecks'>, page: { limit: number; cursor?: string }) {
  const found = await deps.spotChecks.needingAttention(page);
  return { items: found.items.filter(needsAttention).map(adminView), nextCursor: found.nextCursor };
}

/** Applies one admin's change over the latest record, audited in the same write; retried when another admin wrote first. */
async function changeSpotCheck(
  deps: Pick<SpotCheckDeps, 'spotChecks' | 'clock'>,
  actor: AuditActor,
  distributionId: string,
  change: (check: SpotCheck, now: Date) => { next: SpotCheck; action: 'spotcheck.call' | 'spotcheck.resolve'; detail: string; reason: string | null },
): Promise<{ spotCheck: AdminSpotCheckView }> {
  for (let attempt = 1; ; attempt++) {
    const check = await deps.spotChecks.get(distributionId);
    if (!check) throw new NotFoundError('这次发放还没有抽查');
    // The charity whose hand-overs are checked never checks them, even with an admin role.
    assertNotOwnWork(actor, check.charityId, '发放的抽查');
    const now = deps.clock.now();
    const { next, action, detail, reason } = change(check, now);
    const audit = auditRecord(now, actor, { action, targetType: 'distribution', targetId: distributionId, detail, reason });
    if (await deps.spotChecks.save(check, next, needsAttention(next), audit)) return { spotCheck: adminView(next) };
    if (attempt >= SAVE_ATTEMPTS) throw new ContentionError();
  }
}

/** POST /admin/spot-checks/{distributionId}/calls: one call-back's outcome (only a sampled recipient). */
export async function recordCall(
  deps: Pick<SpotCheckDeps, 'spotChecks' | 'clock'>,
  actor: AuditActor,
  distributionId: string,
  input: { recipientId: string; outcome: CallOutcome; note?: string },
) {
  return changeSpotCheck(deps, actor, distributionId, (check, now) => ({
    next: withCall(check, input.recipientId, input.outcome, input.note ?? null, now),
    action: 'spotcheck.call',
    detail: `受助人 ${input.recipientId}：${OUTCOME_WORDS[input.outcome]}`,
    reason: input.note ?? null,
  }));
}

/** POST /admin/spot-checks/{distributionId}/resolve: the dispute settled, with why. */
export async function resolveSpotCheck(deps: Pick<SpotCheckDeps, 'spotChecks' | 'clock'>, actor: AuditActor, distributionId: string, note: string) {
  return changeSpotCheck(deps, actor, distributionId, (check, now) => ({
    next: resolved(check, note, actor.label, now),
    action: 'spotcheck.resolve',
    detail: '争议已处理',
    reason: note,
  }));
}
