import { DynamoAccountClosing } from '../../functions/adapters/dynamodb/account-closing';
import { closeAccount } from '../../functions/me/close-account';
import type { Container } from '../../functions/wiring/container';
import { CHECKS, runChecks } from '../../scripts/checks';
import { PinnedClock } from '../support/clock';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

const CLOSED_AT = new Date('2026-11-20T08:00:00.000Z');

describe('closing an account against DynamoDB Local', () => {
  let app: Container;
  beforeAll(async () => {
    app = await freshContainer({ clock: new PinnedClock(CLOSED_AT) });
  });
  const deps = () => ({ users: app.users, ledger: app.ledger, accountClosing: new DynamoAccountClosing(app.table), clock: app.clock });

  it('forfeits the balance through a ledger entry, so the books still reconcile', async () => {
    // Arrange
    const user = await userWithFlowers(app, 40, 'closing-openid-1');
    await app.users.saveSessionKey(user.id, 'a-session-key');

    // Act
    await closeAccount(deps(), user.id);

    // Assert
    const entries = await app.ledger.allEntries(user.id);
    expect(entries.map((entry) => [entry.delta, entry.reason, entry.balanceAfter])).toEqual([
      [40, 'dev_grant', 40],
      [-40, 'account_closed', 0],
    ]);
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 0, earned: 40, given: 40 });
    expect(await runChecks(CHECKS, app, () => undefined)).toEqual([]);
  });

  it('erases the openid mapping, the nickname and the session key, and marks the profile closed', async () => {
    // Arrange
    const user = await userWithFlowers(app, 0, 'closing-openid-2');
    await app.users.saveSessionKey(user.id, 'another-session-key');

    // Act
    await closeAccount(deps(), user.id);

    // Assert
    expect(await app.users.findByOpenid('closing-openid-2')).toBeNull();
    expect(await app.users.getSessionKey(user.id)).toBeNull();
    const profile = await app.users.findById(user.id);
    expect(profile).toMatchObject({ nickname: '已注销用户', closedAt: CLOSED_AT.toISOString() });
    expect(profile?.openid).toBeUndefined();
  });
});
