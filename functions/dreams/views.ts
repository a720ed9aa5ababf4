import type { DreamRecord, DreamTotals } from '../domain/dream';

/**
 * The dream as the HTTP contract shows it, plus this project's additions (docs/api.md). An
 * uploaded cover shows only through `coverUrl` given here (covers.ts decides who may see it).
 */
export function dreamView(dream: DreamRecord, totals: DreamTotals, options: { withReviewNote?: boolean; coverUrl?: string } = {}) {
  return {
    id: dream.id,
    title: dream.title,
    story: dream.story,
    category: dream.category,
    targetFlowers: dream.targetFlowers,
    flowersRaised: totals.flowersRaised,
    donorCount: totals.donorCount,
    status: dream.status,
    proposerId: dream.proposerId,
    charityId: dream.charityId,
    createdAt: dream.createdAt,
    coverUrl: dream.coverUploadId ? (options.coverUrl ?? null) : dream.coverUrl,
    beneficiaries: dream.beneficiaries,
    flowersLast24h: totals.flowersLast24h,
    matchFund: dream.matchFund,
    matchedFen: totals.matchedFen,
    executableAt: dream.executableAt,
    adoptedAt: dream.adoptedAt,
    openedAt: dream.openedAt,
    ...(options.withReviewNote ? { reviewNote: dream.reviewNote } : {}),
    ...(dream.held ? { held: true } : {}),
  };
}
