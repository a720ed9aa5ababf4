import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAccountClosing } from '../../functions/adapters/dynamodb/account-closing';
import { DynamoDonationRepository } from '../../functions/adapters/dynamodb/donation-repository';
import { dreamKeys } from '../../functions/adapters/dynamodb/dream-keys';
import { DynamoHeldTextStore } from '../../functions/adapters/dynamodb/held-text-store';
import { DynamoLetterRepository } from '../../functions/adapters/dynamodb/letter-repository';
import { mealKeys } from '../../functions/adapters/dynamodb/meal-keys';
import { personKeys } from '../../functions/adapters/dynamodb/person-keys';
import { DynamoRoster } from '../../functions/adapters/dynamodb/roster';
import { sponsorKeys } from '../../functions/adapters/dynamodb/sponsor-keys';
import { DynamoStoreRepository } from '../../functions/adapters/dynamodb/store-repository';
import { DynamoTeamRepository } from '../../functions/adapters/dynamodb/team-repository';
import { DynamoUploadRepository } from '../../functions/adapters/dynamodb/upload-repository';
import type { AuditRecord } from '../../functions/domain/audit';
import type { LetterRecord } from '../../functions/domain/letter';
import type { Container } from '../../functions/wiring/container';
import { backfillPersonIndex } from '../../scripts/lib/person-index-backfill';
import { PinnedClock } from '../support/clock';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

const AT = '2026-11-20T08:00:00.000Z';

/** Every kind of item elsewhere in the table that holds one person's data, written for `userId`. */
async function itemsOfEveryKind(app: Container, userId: string, tag: string) {
  const table = app.table;
  const audit = (id: string): AuditRecord =>
    ({
      id: `audit-${tag}-${id}`,
      at: AT,
      actor: { kind: 'user', id: 'admin', label: 'admin' },
      action: 'roster_claimed',
      targetType: 'roster',
      targetId: id,
      detail: 'test',
      reason: null,
    }) as unknown as AuditRecord;

  // Through the adapters that write them.
  const teams = new DynamoTeamRepository(table, app.clock);
  const team = await teams.create({ dreamId: `dream-${tag}`, name: `队伍${tag}`, captainId: userId, captainNickname: `captain-${tag}` });
  const othersTeam = await teams.create({ dreamId: `dream-${tag}`, name: `别队${tag}`, captainId: `someone-${tag}`, captainNickname: 'someone' });
  await teams.join(othersTeam, userId, `member-${tag}`);
  await new DynamoUploadRepository(table).create({
    id: `upload-${tag}`,
    ownerId: userId,
    purpose: 'letter',
    declaredType: 'image/jpeg',
    createdAt: AT,
    checked: null,
    media: null,
  } as never);
  await new DynamoHeldTextStore(table).add({ id: `held-${tag}`, kind: 'team', targetId: team.id, text: `held text ${tag}`, writerId: userId, createdAt: AT });
  const letter = {
    id: `letter-${tag}`,
    dreamId: `dream-${tag}`,
    authorId: userId,
    kind: 'update',
    title: '来信',
    body: '一封来信的正文',
    photos: [],
    happenedAt: AT,
    status: 'in_review',
    createdAt: AT,
    publishedAt: null,
    reviewNote: null,
    corrects: null,
    statement: null,
  };
  await new DynamoLetterRepository(table).create(letter as unknown as LetterRecord);
  const donations = new DynamoDonationRepository(table, 2);
  const donation = {
    id: `donation-${tag}`,
    storeId: `store-${tag}`,
    donorId: userId,
    meals: 2,
    amountFen: 3000,
    status: 'pending' as const,
    createdAt: AT,
    paidAt: null,
    transactionId: null,
    refundedMeals: 0,
    refundedFen: 0,
  };
  await donations.create(donation);
  await donations.markPaid(donation, { transactionId: `tx-${tag}`, paidAt: AT }, 0, [2]);
  await new DynamoStoreRepository(table).create(
    { name: `店${tag}`, city: '上海', address: '某路 1 号', ownerId: userId, status: 'pending', id: `store-${tag}` } as never,
    AT,
  );
  const roster = new DynamoRoster(table);
  await roster.importRows([{ employer: `employer-${tag}`, employeeNumber: '7', name: `工人${tag}`, importedBy: 'charity', claimedBy: null }], audit('import'));
  await roster.claim(`employer-${tag}`, '7', userId, audit('claim'));
  const lowCarbon = new DynamoStoreRepository(table).lowCarbonActionWrite(`store-${tag}`, {
    id: `action-${tag}`,
    action: 'bag',
    userId,
    flowers: 1,
    createdAt: AT,
  });
  await table.doc.send(new TransactWriteCommand({ TransactItems: [lowCarbon as never] }));

  // Kinds whose writers need a whole flow (a gift, a redemption, a refund, a match, an adoption):
  // written here with the same key builders those writers use.
  const put = (Item: Record<string, unknown>) => table.doc.send(new PutCommand({ TableName: table.tableName, Item }));
  await put({
    ...dreamKeys.donor(`dream-${tag}`, userId, 4),
    ...personKeys.dreamDonor(userId, `dream-${tag}`),
    type: 'DREAM_DONOR',
    dreamId: `dream-${tag}`,
    userId,
    nickname: `donor-${tag}`,
  });
  await put({ ...dreamKeys.matchEntry(`dream-${tag}`, 0, `match-${tag}`), ...personKeys.dreamMatch(userId, `match-${tag}`), type: 'DREAM_MATCH', userId });
  await put({
    ...dreamKeys.profile(`adopted-${tag}`),
    ...personKeys.adoptedDream(userId, `adopted-${tag}`),
    type: 'DREAM',
    id: `adopted-${tag}`,
    status: 'adopted',
    charityId: userId,
  });
  await put({
    ...mealKeys.redemption(`redemption-${tag}`),
    ...personKeys.mealRedemption(userId, `redemption-${tag}`),
    type: 'MEAL_REDEMPTION',
    workerId: userId,
  });
  await put({ ...mealKeys.refund(`refund-${tag}`), ...personKeys.mealRefund(userId, `refund-${tag}`), type: 'MEAL_REFUND', donorId: userId });
  await put({ ...sponsorKeys.match(`sponsor-${tag}`, 0, `smatch-${tag}`), ...personKeys.sponsorMatch(userId, `smatch-${tag}`), type: 'SPONSOR_MATCH', userId });
  return { teamId: team.id, othersTeamId: othersTeam.id };
}

const EVERY_TYPE = [
  'DREAM',
  'DREAM_DONOR',
  'DREAM_MATCH',
  'HELD_TEXT',
  'LETTER',
  'LOWCARBON_ACTION',
  'MEAL_DONATION',
  'MEAL_LOT',
  'MEAL_REDEMPTION',
  'MEAL_REFUND',
  'ROSTER_ROW',
  'SPONSOR_MATCH',
  'STORE',
  'TEAM',
  'TEAM_MEMBER',
  'UPLOAD',
];

describe('the person index on DynamoDB Local', () => {
  let app: Container;
  let closing: DynamoAccountClosing;
  const sent: string[] = [];
  beforeAll(async () => {
    app = await freshContainer({ clock: new PinnedClock(new Date(AT)) });
    closing = new DynamoAccountClosing(app.table);
    // Every command the adapter sends, by name: the export and closing must never scan.
    const send = app.table.doc.send.bind(app.table.doc);
    app.table.doc.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
      sent.push(command.constructor.name);
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as typeof app.table.doc.send;
  });

  it('finds a person’s items of every kind through the index, and none of another person’s', async () => {
    // Arrange
    const person = await userWithFlowers(app, 0, 'index-person');
    const other = await userWithFlowers(app, 0, 'index-other');
    await itemsOfEveryKind(app, person.id, 'p');
    await itemsOfEveryKind(app, other.id, 'o');
    sent.length = 0;

    // Act
    const records = await closing.personalRecords(person.id);

    // Assert
    const all = Object.values(records).flat();
    const types = new Set(all.map((record) => record.type));
    expect(EVERY_TYPE.filter((type) => !types.has(type))).toEqual([]);
    expect(JSON.stringify(all)).not.toContain(other.id);
    expect(JSON.stringify(all)).not.toMatch(/GSI3/);
    expect(sent).not.toContain('ScanCommand');
  });

  it('closing renames the person’s donor and team entries and leaves another person’s untouched', async () => {
    // Arrange
    const person = await userWithFlowers(app, 0, 'closing-person');
    const other = await userWithFlowers(app, 0, 'closing-other');
    await itemsOfEveryKind(app, person.id, 'cp');
    const othersItems = await itemsOfEveryKind(app, other.id, 'co');
    sent.length = 0;

    // Act
    await closing.close(person, { at: AT, nickname: '已注销用户' });

    // Assert
    const after = Object.values(await closing.personalRecords(person.id)).flat();
    const named = after.filter((record) => record.type === 'DREAM_DONOR' || record.type === 'TEAM_MEMBER');
    expect(named.map((record) => record.nickname)).toEqual(['已注销用户', '已注销用户', '已注销用户']);
    const othersNames = (await closing.personalRecords(other.id)).teams.filter((record) => record.type === 'TEAM_MEMBER').map((record) => record.nickname);
    expect(othersNames.sort()).toEqual(['captain-co', 'member-co']);
    const othersTeam = await new DynamoTeamRepository(app.table, app.clock).members(othersItems.othersTeamId);
    expect(othersTeam.find((member) => member.userId === other.id)?.nickname).toBe('member-co');
    expect(sent).not.toContain('ScanCommand');
  });

  it('counts a dream the person adopted as a duty, found through the index', async () => {
    // Arrange
    const person = await userWithFlowers(app, 0, 'duty-person');
    await itemsOfEveryKind(app, person.id, 'd');

    // Act
    const duties = await closing.duties(person.id);

    // Assert
    expect(duties.adoptedDreamIds).toEqual(['adopted-d']);
  });

  it('the back-fill gives items written before the index their keys, resuming where it stopped', async () => {
    // Arrange: a team membership and an upload as they were written before the index
    const person = await userWithFlowers(app, 0, 'backfill-person');
    const put = (Item: Record<string, unknown>) => app.table.doc.send(new PutCommand({ TableName: app.table.tableName, Item }));
    await put({ PK: 'TEAM#old-team', SK: `MEMBER#${person.id}`, type: 'TEAM_MEMBER', teamId: 'old-team', userId: person.id, nickname: 'old' });
    await put({ PK: 'UPLOAD#old-upload', SK: 'PROFILE', type: 'UPLOAD', id: 'old-upload', ownerId: person.id });
    const backfilled = (records: Record<string, Record<string, unknown>[]>) =>
      Object.values(records)
        .flat()
        .map((record) => record.type)
        .filter((type) => type === 'TEAM_MEMBER' || type === 'UPLOAD')
        .sort();
    expect(backfilled(await closing.personalRecords(person.id))).toEqual([]);
    const stops: unknown[] = [];

    // Act: one page at a time, as an interrupted run would resume
    await backfillPersonIndex(app.table, { pageSize: 5, onPage: (progress) => stops.push(progress.next) });

    // Assert
    expect(backfilled(await closing.personalRecords(person.id))).toEqual(['TEAM_MEMBER', 'UPLOAD']);
    expect(stops.length).toBeGreaterThan(1);
    expect(stops.at(-1)).toBeUndefined();
  });
});
