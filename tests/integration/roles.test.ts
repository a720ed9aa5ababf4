import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { changeRole } from '../../functions/admin/people';
import { reviewStore, openStore } from '../../functions/stores/stores';
import type { AuditActor } from '../../functions/domain/audit';
import type { Container } from '../../functions/wiring/container';
import { parseRolesArgs, runRolesCommand } from '../../scripts/roles';
import { startFakeWechatServer, type FakeWechatServer } from '../../scripts/fake-wechat-server';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

const operator: AuditActor = { kind: 'operator', id: 'ops@terminal', label: '终端操作员' };

describe('roles and the audit trail against DynamoDB Local', () => {
  let app: Container;
  let wechat: FakeWechatServer;
  beforeAll(async () => {
    // A store's name is checked by WeChat when it is written; without a WeChat it would be held.
    wechat = await startFakeWechatServer({ port: 0 });
    app = await freshContainer({ env: { WECHAT_API_BASE: wechat.url } });
  });
  afterAll(() => wechat.close());

  const run = (line: string) => runRolesCommand(app, parseRolesArgs(line.split(' ')), operator);

  it('npm run roles grants, lists and revokes by openid, each change audited', async () => {
    // Arrange: a stage's first admin, who has never signed in.
    const openid = `first-admin-${Date.now()}`;

    // Act
    const granted = await run(`grant --stage local --openid ${openid} --role admin --reason bootstrap`);
    const listed = await run('list --stage local --role admin');
    const person = (await app.users.findByOpenid(openid))!;
    const revoked = await run(`revoke --stage local --user-id ${person.id} --role admin`);
    const listedAfter = await run('list --stage local --role admin');

    // Assert
    expect(granted[0]).toMatch(/^granted admin: .* now donor,admin$/);
    expect(listed.some((line) => line.includes(openid))).toBe(true);
    expect(revoked[0]).toMatch(/^revoked admin: .* now donor$/);
    expect(listedAfter.some((line) => line.includes(openid))).toBe(false);
    const trail = await app.audit.list({ targetId: person.id }, { limit: 10 });
    expect(trail.items.map((e) => [e.action, e.detail, e.actor.id, e.reason])).toEqual([
      ['role.revoke', 'admin', 'ops@terminal', 'revoke from the terminal'],
      ['role.grant', 'admin', 'ops@terminal', 'bootstrap'],
    ]);
  });

  it('granting a role someone already has changes and audits nothing', async () => {
    const person = await userWithFlowers(app, 0);
    await changeRole(app, operator, person.id, { role: 'charity', action: 'grant', reason: 'first' });
    const again = await changeRole(app, operator, person.id, { role: 'charity', action: 'grant', reason: 'again' });
    expect(again.changed).toBe(false);
    expect((await app.audit.list({ targetId: person.id }, { limit: 10 })).items).toHaveLength(1);
  });

  it('writes the audit entry in the same transaction as the change: racing changes leave one entry per change that landed', async () => {
    // Arrange: one person, 12 concurrent grants and revokes of four roles.
    const person = await userWithFlowers(app, 0);
    const changes = Array.from({ length: 12 }, (_, i) => ({
      role: (['merchant', 'charity', 'worker', 'admin'] as const)[i % 4],
      action: i < 8 ? ('grant' as const) : ('revoke' as const),
    }));

    // Act: each racer reads the roles, decides, and writes with the read roles as its condition.
    const outcomes = await Promise.allSettled(changes.map((change) => changeRole(app, operator, person.id, { ...change, reason: 'race' })));

    // Assert: replaying the audit trail from donor gives exactly the stored roles and role items.
    const landed = outcomes.filter((o) => o.status === 'fulfilled' && o.value.changed).length;
    const refused = outcomes.filter((o) => o.status === 'rejected');
    for (const o of refused) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'ROLES_CHANGED' });
    const trail = (await app.audit.list({ targetId: person.id }, { limit: 100 })).items.reverse();
    expect(trail).toHaveLength(landed);
    const replayed = new Set<string>(['donor']);
    for (const entry of trail) {
      if (entry.action === 'role.grant') replayed.add(entry.detail);
      else replayed.delete(entry.detail);
    }
    const stored = (await app.users.findById(person.id))!.roles;
    // Paging the trail two at a time gives the same entries in the same order.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.audit.list({ targetId: person.id }, { limit: 2, cursor });
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual([...trail].reverse().map((e) => e.id));
    expect([...replayed].sort()).toEqual([...stored].sort());
    for (const role of ['merchant', 'charity', 'worker', 'admin'] as const) {
      const holders = await app.users.listRoleHolders(role, { limit: 100 });
      expect(holders.items.some((u) => u.id === person.id)).toBe(stored.includes(role));
    }
  });

  it('a change whose condition fails writes no audit entry', async () => {
    const person = await userWithFlowers(app, 0);
    await expect(app.users.changeRoles(person.id, ['donor', 'admin'], ['donor'], { actor: operator, reason: 'stale' })).rejects.toMatchObject({
      code: 'ROLES_CHANGED',
    });
    expect((await app.audit.list({ targetId: person.id }, { limit: 10 })).items).toEqual([]);
  });

  it('a store review is audited with the change, and a second review is refused', async () => {
    const merchant = await userWithFlowers(app, 0);
    const { store } = await openStore(app, merchant.id, { name: '一碗热面', city: '深圳', address: '南山区 8 号' });
    const reviewed = await reviewStore(app, operator, store.id, { decision: 'approve', note: '证照齐全' });
    expect(reviewed.store.status).toBe('active');
    await expect(reviewStore(app, operator, store.id, { decision: 'reject' })).rejects.toMatchObject({ code: 'NOT_PENDING' });
    const trail = await app.audit.list({ targetId: store.id }, { limit: 10 });
    expect(trail.items.map((e) => [e.action, e.reason])).toEqual([['store.approve', '证照齐全']]);
    const { Item } = await app.table.doc.send(new GetCommand({ TableName: app.config.tableName, Key: { PK: `STORE#${store.id}`, SK: 'PROFILE' } }));
    expect(Item?.GSI2PK).toBe('STORES#STATUS#active');
  });
});
