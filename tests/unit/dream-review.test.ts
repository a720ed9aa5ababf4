import type { AuditRecord } from '../../functions/domain/audit';
import type { DreamRecord } from '../../functions/domain/dream';
import { adoptionOutcome, reviewOutcome } from '../../functions/domain/dream-review';

const NOW = new Date('2026-12-01T04:00:00Z');
const audit = { id: 'a1' } as AuditRecord;
const inReview = { id: 'd1', status: 'in_review', targetFlowers: 1_000, shardCount: 8, openedAt: null, reviewNote: null, matchFund: null } as DreamRecord;

describe('a review as the use case decides it', () => {
  it('an approval opens the dream, lists it, and splits target − 1 flowers and the fund over its shards', () => {
    // Arrange
    const fund = { sponsorName: '爱心企业', fenPerFlower: 10, budgetFen: 5_003 };

    // Act
    const reviewed = reviewOutcome(inReview, { approve: true, note: '通过', matchFund: fund, audit }, NOW);

    // Assert
    expect(reviewed).toMatchObject({ from: 'in_review', reviewedAt: NOW.toISOString(), listed: true, audit });
    expect(reviewed.dream).toMatchObject({ status: 'open', reviewNote: '通过', matchFund: fund, openedAt: NOW.toISOString() });
    expect(reviewed.shards).toHaveLength(8);
    expect(reviewed.shards.reduce((sum, s) => sum + s.room, 0)).toBe(999);
    expect(reviewed.shards.reduce((sum, s) => sum + s.fundRoomFen, 0)).toBe(5_003);
    expect(reviewed.shards.every((s) => s.accepting && s.flowers === 0)).toBe(true);
  });

  it('a rejection opens nothing and lists nothing', () => {
    const reviewed = reviewOutcome(inReview, { approve: false, note: '内容不合规', matchFund: null, audit }, NOW);
    expect(reviewed).toMatchObject({ listed: false, shards: [], dream: { status: 'rejected', openedAt: null, reviewNote: '内容不合规' } });
  });

  it('an adoption is decided from executable, naming the charity and the day', () => {
    const adopted = adoptionOutcome({ ...inReview, status: 'executable' }, 'c1', NOW);
    expect(adopted).toEqual({ from: 'executable', dream: expect.objectContaining({ status: 'adopted', charityId: 'c1', adoptedAt: NOW.toISOString() }) });
  });
});
