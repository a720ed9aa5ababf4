import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoDistributionStore } from '../../functions/adapters/dynamodb/distribution-store';
import type { AuditActor } from '../../functions/domain/audit';
import type { DistributionRecord, RecipientRecord, SignoffRecord } from '../../functions/domain/distribution';
import { toBase64 } from '../../functions/domain/log-encoding';
import { signCheckpoint, type NoteKey } from '../../functions/domain/log-note';
import { drawSample, rootBytes, seedOf } from '../../functions/domain/spot-check-draw';
import { handler as dispatchHandler } from '../../functions/events/dispatch-handler';
import { recordCall, resolveSpotCheck, spotChecksNeedingAttention } from '../../functions/spot-checks/spot-checks';
import { setContainerForTests, type Container } from '../../functions/wiring/container';
import { startTestStreams } from '../support/streams';
import { useAppWithFakeWechat } from '../support/test-table';

jest.setTimeout(120_000);

const CLOSED_AT = '2026-11-02T04:00:00.000Z';
const admin: AuditActor = { kind: 'user', id: 'U-admin', label: '管理员甲' };

function distributionRecord(id: string, status: 'open' | 'closed' = 'open'): DistributionRecord {
  return {
    id,
    dreamId: `D-${id}`,
    charityId: `C-${id}`,
    title: '冬衣发放',
    item: '冬衣',
    unit: '件',
    recipientCount: 100,
    totalQuantity: 100,
    status,
    createdAt: '2026-11-01T00:00:00.000Z',
    closedAt: status === 'closed' ? CLOSED_AT : null,
    disputed: false,
    counterShards: 2,
  };
}

/** 100 recipients; the first 70 sign (signFirst70). */
function recipientsOf(distributionId: string): RecipientRecord[] {
  return Array.from({ length: 100 }, (_, i) => ({
    distributionId,
    recipientId: `${distributionId}-R${String(i).padStart(3, '0')}`,
    name: `李小${i}`,
    quantity: 1,
    village: '石门村',
    codeHash: `${distributionId}-hash-${i}`,
    signedAt: null,
    signoffId: null,
  }));
}

/** A distribution of 100, open, whose first 70 recipients signed through the store's own sign-off write. */
async function openWith70Signed(store: DynamoDistributionStore, id: string): Promise<void> {
  const distribution = distributionRecord(id);
  await store.create(distribution, recipientsOf(id));
  const signing = recipientsOf(id).slice(0, 70);
  for (let i = 0; i < signing.length; i += 10) {
    await Promise.all(
      signing.slice(i, i + 10).map(async (r, j) => {
        const signoff: SignoffRecord = {
          id: `${id}-S${i + j}`,
          distributionId: id,
          dreamId: distribution.dreamId,
          recipientId: r.recipientId,
          name: r.name,
          village: r.village,
          quantity: r.quantity,
          signedAt: '2026-11-01T08:00:00.000Z',
          recordedAt: '2026-11-01T08:00:01.000Z',
          signerId: distribution.charityId,
          idempotencyKey: null,
          photo: null,
          location: null,
          suspicious: false,
          salt: '00',
          recipientCommitment: '00',
        };
        expect(await store.sign(signoff, r.codeHash, (i + j) % distribution.counterShards)).toBe('signed');
      }),
    );
  }
}

/** The close as the stream delivers it: the distribution's item, open before, closed after. */
function closeRecord(distribution: DistributionRecord): DynamoDBStreamEvent {
  const record: DynamoDBRecord = {
    eventID: randomUUID(),
    eventName: 'MODIFY',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      OldImage: marshall({ type: 'DISTRIBUTION', ...distribution, status: 'open', closedAt: null }) as never,
      NewImage: marshall({ type: 'DISTRIBUTION', ...distribution, status: 'closed', closedAt: CLOSED_AT }) as never,
      SequenceNumber: '100000000000000000001',
    },
  };
  return { Records: [record] };
}

const context = () => ({ functionName: 'test', awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 60_000 }) as Context;

/** A checkpoint note of another tree (unverified here: the draw reads only its size and root). */
function laterCheckpoint(): string {
  const key = { name: 'example.org/log', type: 1, keyId: new Uint8Array(4), publicKey: new Uint8Array(32) } as NoteKey;
  return signCheckpoint(key, () => new Uint8Array(64), { origin: key.name, size: 42, root: new Uint8Array(32).fill(7) });
}

describe('a closed distribution’s spot check, drawn from the table’s stream', () => {
  const state = useAppWithFakeWechat({ ownDatabase: true });
  let app: Container;
  let distributions: DynamoDistributionStore;
  beforeAll(() => {
    ({ app } = state);
    distributions = new DynamoDistributionStore(app.table);
  });

  it('draws once, even when the close is delivered twice (and again, at once, after the log moved on)', async () => {
    // Arrange: a distribution of 100 recipients, 70 signed, and the stream read from here on
    const id = `X-${randomUUID().slice(0, 8)}`;
    await openWith70Signed(distributions, id);
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    try {
      // Act: the charity closes it; the stream draws
      expect(await distributions.close(id, CLOSED_AT)).toBe(true);
      await streams.idle(60_000);
    } finally {
      await streams.stop();
    }
    const first = await app.spotChecks.get(id);
    // …then the same record arrives twice more at once, when the log serves a newer checkpoint
    setContainerForTests({ ...app, log: { state: async () => ({ published: { size: 42, note: laterCheckpoint() } }) as never } });
    try {
      await Promise.all([
        dispatchHandler(closeRecord(distributionRecord(id, 'closed')), context()),
        dispatchHandler(closeRecord(distributionRecord(id, 'closed')), context()),
      ]);
    } finally {
      setContainerForTests(app);
    }

    // Assert: max(3, ceil(0.05 × 70)) = 4 of the 70 signed, as anyone redoes it from the seed; the redelivery changed nothing
    const seed = seedOf(app.sha256, null);
    const signedIds = recipientsOf(id)
      .slice(0, 70)
      .map((r) => r.recipientId)
      .sort();
    expect(first).not.toBeNull();
    expect(first!.seed).toEqual(seed);
    expect(first!.calls.map((c) => c.recipientId)).toEqual(drawSample(app.sha256, rootBytes(seed), signedIds, 4));
    expect(await app.spotChecks.get(id)).toEqual(first);
    expect(first!.seed.rootHash).not.toBe(toBase64(new Uint8Array(32).fill(7)));
  });

  it('a disputed call-back flags the distribution until an admin resolves it, audited, and lists it meanwhile', async () => {
    // Arrange: a closed distribution whose draw is made
    const id = `Y-${randomUUID().slice(0, 8)}`;
    await openWith70Signed(distributions, id);
    await distributions.close(id, CLOSED_AT);
    await dispatchHandler(closeRecord(distributionRecord(id, 'closed')), context());
    const [first, second] = (await app.spotChecks.get(id))!.calls.map((c) => c.recipientId);

    // Act
    await recordCall(app, admin, id, { recipientId: first, outcome: 'confirmed' });
    await recordCall(app, admin, id, { recipientId: second, outcome: 'disputed', note: '本人说没有收到' });
    const flagged = (await distributions.get(id))!.disputed;
    const listed = (await spotChecksNeedingAttention(app, { limit: 100 })).items.some((c) => c.distributionId === id);
    await resolveSpotCheck(app, admin, id, '核实后已补发');
    const after = await distributions.get(id);

    // Assert
    expect(flagged).toBe(true);
    expect(listed).toBe(true);
    expect(after!.disputed).toBe(false);
    const trail = await app.audit.list({ targetId: id }, { limit: 10 });
    expect(trail.items.map((e) => e.action).sort()).toEqual(['spotcheck.call', 'spotcheck.call', 'spotcheck.resolve']);
  });
});
