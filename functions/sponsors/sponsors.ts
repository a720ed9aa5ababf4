import type { CreateSponsorInput } from '../contract/earning';
import type { SponsorRepository } from '../domain/steps';
import { auditRecord, type AuditActor } from '../domain/audit';
import type { Clock } from '../domain/ports';
import { sponsorShardBudgets } from '../domain/sponsor-budget';

export interface SponsorDeps {
  sponsors: SponsorRepository;
  clock: Clock;
}

/** POST /admin/sponsors: an admin adds a step sponsor (益行家) with its budget, audited in the same write. */
export async function createSponsor(deps: SponsorDeps, actor: AuditActor, input: CreateSponsorInput) {
  const now = deps.clock.now();
  const { reason, ...profile } = input;
  const shardBudgetsFen = sponsorShardBudgets(profile.budgetFen);
  const sponsor = await deps.sponsors.create({ ...profile, status: 'active', shardBudgetsFen }, now.toISOString(), (sponsorId) =>
    auditRecord(now, actor, {
      action: 'sponsor.create',
      targetType: 'sponsor',
      targetId: sponsorId,
      detail: `${profile.name}：每万步 ${profile.fenPer10kSteps} 分，预算 ${profile.budgetFen} 分`,
      reason: reason ?? null,
    }),
  );
  return { sponsor };
}

/** GET /sponsors (public): the step sponsors and what is left of each budget, newest first. */
export async function listSponsors(deps: SponsorDeps, page: { limit: number; cursor?: string }) {
  const found = await deps.sponsors.listPage(page);
  return { items: found.items.map(({ shards: _shards, ...sponsor }) => sponsor), nextCursor: found.nextCursor };
}
