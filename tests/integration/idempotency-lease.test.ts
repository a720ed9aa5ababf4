import { IdempotencyClaimLostError } from '../../functions/domain/ledger-moves';
import type { IdempotentCompletion } from '../../functions/domain/idempotency';
import type { MoveResult } from '../../functions/domain/ports';
import type { Container } from '../../functions/wiring/container';
import { PinnedClock } from '../support/clock';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(60_000);

/** The idempotency lease: a crashed holder's key is taken over; a holder that lost its claim moves nothing. */
describe('idempotency leases against DynamoDB Local', () => {
  const clock = new PinnedClock(new Date('2026-12-01T04:00:00Z'));
  let app: Container;
  beforeAll(async () => {
    app = await freshContainer({ clock });
  });

  const scopeFor = (userId: string, key: string) => ({ userId, method: 'POST', path: '/dev/grants', key });
  const completion = (claim: Parameters<Container['idempotency']['complete']>[0]): IdempotentCompletion<MoveResult> => ({
    claim,
    render: (move) => ({ status: 201, body: { balance: move.account.balance } }),
  });

  it('a repeat after the holder crashed (its lease ran out) takes the key over and moves once', async () => {
    // Arrange: a holder claims the key and dies before moving anything.
    const user = await userWithFlowers(app, 0);
    const crashed = await app.idempotency.claim(scopeFor(user.id, 'takeover'), 'hash-a');
    expect(crashed.kind).toBe('claimed');
    clock.advanceSeconds(app.config.rules.idempotency.inProgressLeaseSeconds + 1);

    // Act: the client's repeat of the same request.
    const repeat = await app.idempotency.claim(scopeFor(user.id, 'takeover'), 'hash-a');
    if (repeat.kind !== 'claimed') throw new Error(`expected a takeover, got ${repeat.kind}`);
    await app.ledger.move({ userId: user.id, delta: 5, reason: 'dev_grant', refId: null }, { completion: completion(repeat.claim) });

    // Assert: the key now replays the taker's answer; the flowers moved once.
    expect(await app.idempotency.claim(scopeFor(user.id, 'takeover'), 'hash-a')).toEqual({ kind: 'replay', response: { status: 201, body: { balance: 5 } } });
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 5, version: 1 });
  });

  it('a different request cannot take over a dead holder’s key', async () => {
    const user = await userWithFlowers(app, 0);
    await app.idempotency.claim(scopeFor(user.id, 'no-takeover'), 'hash-a');
    clock.advanceSeconds(app.config.rules.idempotency.inProgressLeaseSeconds + 1);
    expect(await app.idempotency.claim(scopeFor(user.id, 'no-takeover'), 'hash-b')).toEqual({ kind: 'mismatch' });
  });

  it('a slow holder whose claim was taken over loses it: its move is refused whole, nothing moves twice', async () => {
    // Arrange: A claims, stalls past its lease; B takes over and completes the move.
    const user = await userWithFlowers(app, 0);
    const slow = await app.idempotency.claim(scopeFor(user.id, 'lost'), 'hash-a');
    if (slow.kind !== 'claimed') throw new Error('expected a claim');
    clock.advanceSeconds(app.config.rules.idempotency.inProgressLeaseSeconds + 1);
    const taker = await app.idempotency.claim(scopeFor(user.id, 'lost'), 'hash-a');
    if (taker.kind !== 'claimed') throw new Error('expected a takeover');
    await app.ledger.move({ userId: user.id, delta: 5, reason: 'dev_grant', refId: null }, { completion: completion(taker.claim) });

    // Act: A wakes up and tries its move with its old claim.
    const late = app.ledger.move({ userId: user.id, delta: 5, reason: 'dev_grant', refId: null }, { completion: completion(slow.claim) });

    // Assert
    await expect(late).rejects.toBeInstanceOf(IdempotencyClaimLostError);
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 5, version: 1 });
    expect((await app.ledger.listEntries(user.id, { limit: 10 })).items).toHaveLength(1);
  });
});
