import { createHash } from 'node:crypto';
import type { AuditActor, AuditRecord } from '../../functions/domain/audit';
import type { DistributionRecord, RecipientRecord } from '../../functions/domain/distribution';
import type { SpotCheck, SpotCheckStore } from '../../functions/domain/spot-check';
import { classifyChange } from '../../functions/events/classify';
import type { TableChange } from '../../functions/shared/stream';
import { readStreamConsumers } from '../../scripts/lib/stream-consumers';
import { matchesFilters } from '../../scripts/lib/stream-filters';
import { drawSample, rootBytes, seedOf } from '../../functions/domain/spot-check-draw';
import { drawSpotCheck, publicSpotCheck, recordCall, resolveSpotCheck, type SpotCheckDeps } from '../../functions/spot-checks/spot-checks';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const NOW = new Date('2026-11-02T04:00:00.000Z');
const admin: AuditActor = { kind: 'user', id: 'U-admin', label: '管理员甲' };

/** An in-memory store with the adapter's rules: a draw once, a save only over the version read. */
function memoryStore() {
  const checks = new Map<string, SpotCheck>();
  const audits: AuditRecord[] = [];
  const flags = new Map<string, boolean>();
  const store: SpotCheckStore = {
    get: async (id) => checks.get(id) ?? null,
    create: async (check) => {
      if (checks.has(check.distributionId)) return false;
      checks.set(check.distributionId, check);
      return true;
    },
    save: async (previous, next, _listed, audit) => {
      if (checks.get(previous.distributionId)?.version !== previous.version) return false;
      checks.set(next.distributionId, next);
      flags.set(next.distributionId, next.disputed);
      audits.push(audit);
      return true;
    },
    needingAttention: async () => ({ items: [...checks.values()], nextCursor: null }),
  };
  return { store, audits, flags };
}

function deps(signed: RecipientRecord[], note: string | null = null) {
  const memory = memoryStore();
  const app: SpotCheckDeps = {
    clock: { now: () => NOW },
    spotChecks: memory.store,
    distributions: {
      get: async (id) => ({ id, dreamId: 'D1', charityId: 'U-charity', title: '冬衣发放', status: 'closed' }) as DistributionRecord,
      // Any order, and the unsigned too: the draw ranks the signed ones only.
      recipients: async () => [...signed].reverse(),
    },
    log: { state: async () => (note ? ({ published: { size: 9, note } } as never) : null) },
    sha256,
    config: { rules: { signoff: { sampleSize: 0.05, sampleMin: 3 } } },
  };
  return { app, ...memory };
}

const recipient = (i: number, signed = true): RecipientRecord => ({
  distributionId: 'X1',
  recipientId: `R${String(i).padStart(3, '0')}`,
  name: `张三${i}`,
  quantity: 1,
  village: '石门村',
  codeHash: `h${i}`,
  signedAt: signed ? '2026-11-01T03:00:00.000Z' : null,
  signoffId: signed ? `S${i}` : null,
});
const recipients = (n: number): RecipientRecord[] => Array.from({ length: n }, (_, i) => recipient(i));

describe('drawing a closed distribution’s spot check', () => {
  it('draws the documented sample from the served checkpoint, once', async () => {
    // Arrange
    const { app } = deps([...recipients(80), recipient(900, false), recipient(901, false)]);
    const ids = recipients(80).map((r) => r.recipientId);

    // Act
    const first = await drawSpotCheck(app, 'X1');
    const again = await drawSpotCheck(app, 'X1');

    // Assert: ceil(0.05 × 80) = 4, redone by hand from the seed and the sorted ids.
    const seed = seedOf(sha256, null);
    expect(first!.seed).toEqual(seed);
    expect(first!.calls.map((c) => c.recipientId)).toEqual(drawSample(sha256, rootBytes(seed), ids, 4));
    expect(again).toEqual(first);
  });

  it('shows the public masked names and no outcome yet', async () => {
    // Arrange
    const { app } = deps(recipients(3));
    await drawSpotCheck(app, 'X1');

    // Act
    const view = await publicSpotCheck(app, 'X1');

    // Assert
    expect(view.sampleSize).toBe(3);
    expect(view.calls.every((c) => /^张\*+$/.test(c.maskedName) && c.outcome === null && c.at === null)).toBe(true);
    expect(view.disputed).toBe(false);
  });
});

describe('call-backs', () => {
  it('a dispute flags the distribution until an admin resolves it; each is audited', async () => {
    // Arrange
    const { app, audits, flags } = deps(recipients(3));
    const check = (await drawSpotCheck(app, 'X1'))!;
    const [one, two] = check.calls.map((c) => c.recipientId);

    // Act
    await recordCall(app, admin, 'X1', { recipientId: one, outcome: 'confirmed' });
    const disputed = await recordCall(app, admin, 'X1', { recipientId: two, outcome: 'disputed', note: '说没有收到' });
    const afterConfirm = await recordCall(app, admin, 'X1', { recipientId: two, outcome: 'confirmed' });
    const settled = await resolveSpotCheck(app, admin, 'X1', '核实后补发');

    // Assert
    expect(disputed.spotCheck.disputed).toBe(true);
    expect(afterConfirm.spotCheck.disputed).toBe(true);
    expect(settled.spotCheck.disputed).toBe(false);
    expect(flags.get('X1')).toBe(false);
    expect(audits.map((a) => a.action)).toEqual(['spotcheck.call', 'spotcheck.call', 'spotcheck.call', 'spotcheck.resolve']);
    expect(audits[1]).toMatchObject({ targetType: 'distribution', targetId: 'X1', reason: '说没有收到' });
  });

  it('refuses a recipient outside the sample (400), a missing draw (404), the charity itself (403) and a resolve with no dispute (409)', async () => {
    // Arrange
    const { app } = deps(recipients(80));
    await drawSpotCheck(app, 'X1');
    const charityAsAdmin: AuditActor = { kind: 'user', id: 'U-charity', label: '机构' };
    const sample = (await publicSpotCheck(app, 'X1')).calls.map((c) => c.recipientId);
    const sampled = sample[0];
    const notSampled = recipients(80).find((r) => !sample.includes(r.recipientId))!.recipientId;

    // Act / Assert
    await expect(recordCall(app, admin, 'X1', { recipientId: notSampled, outcome: 'confirmed' })).rejects.toMatchObject({ status: 400, code: 'NOT_SAMPLED' });
    await expect(recordCall(app, admin, 'NOPE', { recipientId: sampled, outcome: 'confirmed' })).rejects.toMatchObject({ status: 404 });
    await expect(recordCall(app, charityAsAdmin, 'X1', { recipientId: sampled, outcome: 'confirmed' })).rejects.toMatchObject({ status: 403 });
    await expect(resolveSpotCheck(app, admin, 'X1', '无')).rejects.toMatchObject({ status: 409, code: 'NOT_DISPUTED' });
  });
});

describe('the close, from the table’s stream', () => {
  const change = (oldStatus: string, newStatus: string, extra: Record<string, unknown> = {}): TableChange => ({
    eventName: 'MODIFY',
    oldImage: { type: 'DISTRIBUTION', id: 'X1', status: oldStatus },
    newImage: { type: 'DISTRIBUTION', id: 'X1', status: newStatus, ...extra },
    sequenceNumber: '1',
  });

  it('is a distribution going from open to closed, and nothing else (not the 有争议 flag set later)', () => {
    // Act
    const closed = classifyChange(change('open', 'closed'));
    const flagged = classifyChange(change('closed', 'closed', { disputed: true }));

    // Assert
    expect(closed).toEqual({ kind: 'distribution_closed', distributionId: 'X1' });
    expect(flagged).toBeNull();
  });

  it('passes the dispatcher’s stream filter', () => {
    // Arrange
    const patterns = readStreamConsumers().find((consumer) => consumer.name === 'eventDispatcher')!.filterPatterns;
    const record = {
      eventName: 'MODIFY',
      dynamodb: { NewImage: { type: { S: 'DISTRIBUTION' }, status: { S: 'closed' } }, OldImage: { status: { S: 'open' } } },
    };

    // Act / Assert
    expect(matchesFilters(record, patterns)).toBe(true);
  });
});
