import type { DreamCategory, DreamRecord, DreamShard, DreamStatus, MatchFund } from '../../domain/dream';

/** A dream item as the table stores it, read back (shared by the repository and the lean reader). */
export function toDream(item: Record<string, unknown>): DreamRecord {
  return {
    id: item.id as string,
    title: item.title as string,
    story: item.story as string,
    category: item.category as DreamCategory,
    targetFlowers: item.targetFlowers as number,
    coverUrl: (item.coverUrl as string | null) ?? null,
    ...(typeof item.coverUploadId === 'string' ? { coverUploadId: item.coverUploadId } : {}),
    beneficiaries: (item.beneficiaries as number | null) ?? null,
    status: item.status as DreamStatus,
    proposerId: item.proposerId as string,
    charityId: (item.charityId as string | null) ?? null,
    createdAt: item.createdAt as string,
    reviewNote: (item.reviewNote as string | null) ?? null,
    executableAt: (item.executableAt as string | null) ?? null,
    adoptedAt: (item.adoptedAt as string | null) ?? null,
    openedAt: item.status === 'in_review' || item.status === 'rejected' ? null : ((item.reviewedAt as string | null) ?? null),
    shardCount: item.shardCount as number,
    matchFund: (item.matchFund as MatchFund | null) ?? null,
    extraFlowers: (item.extraFlowers as number) ?? 0,
    extraDonors: (item.extraDonors as number) ?? 0,
    extraMatchedFen: (item.extraMatchedFen as number) ?? 0,
    hours: (item.hours as Record<string, number>) ?? {},
    version: (item.version as number) ?? 0,
    ...(item.held === true ? { held: true } : {}),
  };
}

export function toShard(item: Record<string, unknown>): DreamShard {
  const hours: Record<string, number> = {};
  for (const [key, value] of Object.entries(item)) if (/^h\d+$/.test(key)) hours[key] = value as number;
  return {
    index: item.index as number,
    flowers: item.flowers as number,
    donors: item.donors as number,
    matchedFen: item.matchedFen as number,
    room: item.room as number,
    fundRoomFen: item.fundRoomFen as number,
    accepting: item.accepting as boolean,
    hours,
  };
}
