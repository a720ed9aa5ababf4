import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(180_000);

const STORY = '山里的老人冬天很冷，我们希望为每一位独居老人送去一件厚实的冬衣和一床棉被。';
// A 1×1 PNG: the server decodes the header up to its first frame.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The API runs on the wall clock: sign-off times are given relative to it. */
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function approvedDream() {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '独居老人过冬', story: STORY, category: 'elderly', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
  return { dreamId, admin };
}

/** A dream filled by one donor and adopted by a charity. */
async function adoptedDream() {
  const { dreamId, admin } = await approvedDream();
  const donor = await devSignIn();
  await grant(donor.token, 1_000);
  await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 1_000 } });
  const charity = await devSignIn(['charity']);
  expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
  return { dreamId, admin, charity, donor };
}

const RECIPIENTS = [
  { name: '张三丰', quantity: 2, village: '石门村' },
  { name: '李四', quantity: 1, village: '' },
  { name: 'Alice', quantity: 3 },
];
const DISTRIBUTION = { title: '冬衣发放', item: '冬衣', unit: '件', recipients: RECIPIENTS };

async function uploadPng(token: string, purpose: string): Promise<string> {
  const granted = await call('POST', '/uploads', { token, body: { purpose, contentType: 'image/png' } });
  expect(granted.status).toBe(201);
  const upload = granted.body.upload;
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  expect((await fetch(upload.url, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })).status).toBe(201);
  return upload.id as string;
}

describe('distributions and sign-offs over HTTP', () => {
  it('lets only the adopting charity create one, names each bad row, and answers the codes once', async () => {
    // Arrange
    const { dreamId, charity, donor } = await adoptedDream();
    const otherCharity = await devSignIn(['charity']);
    const { dreamId: unadopted } = await approvedDream();
    // Act + Assert
    expect((await call('POST', `/dreams/${dreamId}/distributions`, { body: DISTRIBUTION })).status).toBe(401);
    const bad = await call('POST', `/dreams/${dreamId}/distributions`, {
      token: charity.token,
      body: { ...DISTRIBUTION, recipients: [RECIPIENTS[0], { name: '', quantity: 1 }, { name: '王五', quantity: 1_001 }] },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.body.error.details.map((d: { path: unknown[] }) => d.path)).toEqual([
      ['recipients', 1, 'name'],
      ['recipients', 2, 'quantity'],
    ]);
    expect((await call('POST', `/dreams/${dreamId}/distributions`, { token: donor.token, body: DISTRIBUTION })).status).toBe(403);
    expect((await call('POST', `/dreams/${dreamId}/distributions`, { token: otherCharity.token, body: DISTRIBUTION })).status).toBe(403);
    const notAdopted = await call('POST', `/dreams/${unadopted}/distributions`, { token: charity.token, body: DISTRIBUTION });
    expect([notAdopted.status, notAdopted.body.error.code]).toEqual([409, 'NOT_ADOPTED']);
    expect((await call('POST', '/dreams/no-such-dream/distributions', { token: charity.token, body: DISTRIBUTION })).status).toBe(404);
    const created = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body: DISTRIBUTION });
    expect(created.status).toBe(201);
    expect(created.body.distribution).toMatchObject({
      dreamId,
      recipientCount: 3,
      totalQuantity: 6,
      signedCount: 0,
      signedQuantity: 0,
      status: 'open',
      closedAt: null,
      disputed: false,
    });
    expect(created.body.codes).toHaveLength(3);
    for (const { code } of created.body.codes) expect(code).toMatch(/^[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]{3}$/);
    // Nowhere is a code answered again.
    const detail = await call('GET', `/distributions/${created.body.distribution.id}`, { token: charity.token });
    expect(detail.text).not.toContain(created.body.codes[0].code);
  });

  it('refuses sign-offs in the contract’s order, signs a code once, and replays a repeated key', async () => {
    // Arrange
    const { dreamId, charity, donor } = await adoptedDream();
    const created = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body: DISTRIBUTION });
    const other = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body: { ...DISTRIBUTION, title: '棉被发放' } });
    const id = created.body.distribution.id as string;
    const [first, second, third] = created.body.codes.map((c: { code: string }) => c.code) as string[];
    const path = `/distributions/${id}/signoffs`;
    const signing = (code: string, signedAt = minutesFromNow(0)) => ({ code, signedAt });
    // Act + Assert: 401, 400, 403 before the code, 400 INVALID_CODE
    expect((await call('POST', path, { body: signing(first) })).status).toBe(401);
    const ahead = await call('POST', path, { token: charity.token, body: signing(first, minutesFromNow(6)) });
    expect([ahead.status, ahead.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const old = await call('POST', path, { token: charity.token, body: signing(first, minutesFromNow(-7 * 24 * 60 - 1)) });
    expect([old.status, old.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await call('POST', path, { token: donor.token, body: signing(first) })).status).toBe(403);
    expect((await call('POST', path, { token: donor.token, body: signing('NOT-A-CODE') })).status).toBe(403);
    const typo = await call('POST', path, { token: charity.token, body: signing(first.slice(0, -1) + (first.endsWith('0') ? '1' : '0')) });
    expect([typo.status, typo.body.error.code]).toEqual([400, 'INVALID_CODE']);
    const foreign = await call('POST', path, { token: charity.token, body: signing(other.body.codes[0].code) });
    expect([foreign.status, foreign.body.error.code]).toEqual([400, 'INVALID_CODE']);
    expect((await call('POST', '/distributions/no-such/signoffs', { token: charity.token, body: signing(first) })).status).toBe(404);

    // 201, then the same key and body: the first answer again; another body: 409.
    const key = { 'idempotency-key': `queued-${id}-1` };
    const queued = signing(first, minutesFromNow(-60));
    const signed = await call('POST', path, { token: charity.token, headers: key, body: queued });
    expect(signed.status).toBe(201);
    expect(signed.body.signoff).toMatchObject({ recipientId: 'r00001', quantity: 2, suspicious: false });
    expect(signed.body.distribution).toMatchObject({ signedCount: 1, signedQuantity: 2 });
    const replay = await call('POST', path, { token: charity.token, headers: key, body: queued });
    expect([replay.status, replay.body]).toEqual([201, signed.body]);
    const reused = await call('POST', path, { token: charity.token, headers: key, body: signing(second) });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await call('POST', path, { token: charity.token, body: signing(second) })).status).toBe(201);
    const used = await call('POST', path, { token: charity.token, body: signing(first) });
    expect([used.status, used.body.error.code]).toEqual([409, 'CODE_ALREADY_USED']);

    // A fuzzy location is kept and marked 可疑.
    const fuzzy = await call('POST', path, {
      token: charity.token,
      body: { ...signing(third), location: { lat: 29.5, lng: 106.5, accuracyM: 1_000, fuzzy: true } },
    });
    expect(fuzzy.body.signoff.suspicious).toBe(true);
    expect(fuzzy.body.distribution.suspiciousCount).toBe(1);

    // Closed: a used code is still named first, a fresh one gets DISTRIBUTION_CLOSED.
    expect((await call('POST', `/distributions/${id}/close`, { token: donor.token })).status).toBe(403);
    const closed = await call('POST', `/distributions/${id}/close`, { token: charity.token });
    expect(closed.body.distribution).toMatchObject({ status: 'closed', signedCount: 3, signedQuantity: 6, closedAt: expect.any(String) });
    const closedAgain = await call('POST', `/distributions/${id}/close`, { token: charity.token });
    expect([closedAgain.status, closedAgain.body.error.code]).toEqual([409, 'DISTRIBUTION_CLOSED']);
    const otherId = other.body.distribution.id as string;
    await call('POST', `/distributions/${otherId}/close`, { token: charity.token });
    const late = await call('POST', `/distributions/${otherId}/signoffs`, { token: charity.token, body: signing(other.body.codes[1].code) });
    expect([late.status, late.body.error.code]).toEqual([409, 'DISTRIBUTION_CLOSED']);
  });

  it('lets named field staff sign this distribution only, audited, until taken off', async () => {
    // Arrange
    const { dreamId, charity, admin } = await adoptedDream();
    const helper = await devSignIn();
    const created = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body: DISTRIBUTION });
    const other = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body: DISTRIBUTION });
    const id = created.body.distribution.id as string;
    const codes = created.body.codes.map((c: { code: string }) => c.code) as string[];
    const sign = (distributionId: string, code: string) =>
      call('POST', `/distributions/${distributionId}/signoffs`, { token: helper.token, body: { code, signedAt: minutesFromNow(0) } });
    // Act + Assert
    expect((await sign(id, codes[0])).status).toBe(403);
    expect((await call('POST', `/distributions/${id}/staff`, { token: helper.token, body: { userId: helper.user.id } })).status).toBe(403);
    const added = await call('POST', `/distributions/${id}/staff`, { token: charity.token, body: { userId: helper.user.id } });
    expect(added.body.staff).toEqual([expect.objectContaining({ userId: helper.user.id })]);
    expect((await call('GET', `/distributions/${id}/staff`, { token: admin.token })).body.staff).toHaveLength(1);
    expect((await call('GET', `/distributions/${id}/staff`, { token: helper.token })).status).toBe(403);
    expect((await call('GET', `/distributions/${id}`, { token: helper.token })).body.canSign).toBe(true);
    expect((await sign(id, codes[0])).status).toBe(201);
    expect((await sign(other.body.distribution.id, other.body.codes[0].code)).status).toBe(403);
    const photo = await uploadPng(helper.token, 'signoff_photo');
    const withPhoto = await call('POST', `/distributions/${id}/signoffs`, {
      token: helper.token,
      body: { code: codes[1], signedAt: minutesFromNow(0), photo },
    });
    expect(withPhoto.status).toBe(201);
    const wrongPurpose = await uploadPng(charity.token, 'letter_photo');
    const refused = await call('POST', `/distributions/${id}/signoffs`, {
      token: charity.token,
      body: { code: codes[2], signedAt: minutesFromNow(0), photo: wrongPurpose },
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'INVALID_PHOTO']);
    expect((await call('DELETE', `/distributions/${id}/staff/${helper.user.id}`, { token: charity.token })).body.staff).toEqual([]);
    expect((await call('DELETE', `/distributions/${id}/staff/${helper.user.id}`, { token: charity.token })).status).toBe(404);
    expect((await sign(id, codes[2])).status).toBe(403);
    const trail = await call('GET', `/admin/audit?targetId=${id}`, { token: admin.token });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['distribution.staff_remove', 'distribution.staff_add']);
  });

  it('shows donors the progress and a masked timeline, names in full only to the charity and admins, and tells them when it closes', async () => {
    // Arrange
    const { dreamId, charity, admin, donor } = await adoptedDream();
    const created = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body: DISTRIBUTION });
    const id = created.body.distribution.id as string;
    const codes = created.body.codes.map((c: { code: string }) => c.code) as string[];
    await call('POST', `/distributions/${id}/signoffs`, { token: charity.token, body: { code: codes[0], signedAt: minutesFromNow(-30) } });
    await call('POST', `/distributions/${id}/signoffs`, { token: charity.token, body: { code: codes[2], signedAt: minutesFromNow(-10) } });
    // Act
    const list = await call('GET', `/dreams/${dreamId}/distributions`);
    const anonymous = await call('GET', `/distributions/${id}`);
    const asDonor = await call('GET', `/distributions/${id}`, { token: donor.token });
    const asCharity = await call('GET', `/distributions/${id}`, { token: charity.token });
    const asAdmin = await call('GET', `/distributions/${id}`, { token: admin.token });
    const timeline = await call('GET', `/distributions/${id}/signoffs?limit=1`);
    const rest = await call('GET', `/distributions/${id}/signoffs?limit=1&cursor=${encodeURIComponent(timeline.body.nextCursor)}`);
    // Assert
    expect(list.body.items).toEqual([expect.objectContaining({ id, signedCount: 2, signedQuantity: 5, recipientCount: 3, totalQuantity: 6 })]);
    expect(anonymous.body.recipients.map((r: { name: string }) => r.name)).toEqual(['张**', '李*', 'A****']);
    expect(anonymous.body.recipients.map((r: { village: string | null }) => r.village)).toEqual(['石门村', null, null]);
    expect(anonymous.body.canSign).toBe(false);
    expect(asDonor.body.recipients.map((r: { name: string }) => r.name)).toEqual(['张**', '李*', 'A****']);
    expect(asCharity.body.recipients.map((r: { name: string }) => r.name)).toEqual(['张三丰', '李四', 'Alice']);
    expect(asAdmin.body.recipients.map((r: { name: string }) => r.name)).toEqual(['张三丰', '李四', 'Alice']);
    expect(timeline.body.items).toEqual([expect.objectContaining({ name: 'A****', quantity: 3, photoUrl: null, suspicious: false })]);
    expect(rest.body.items).toEqual([expect.objectContaining({ name: '张**', village: '石门村', quantity: 2 })]);

    // Closing tells every donor, once, with the signed and total numbers.
    await call('POST', `/distributions/${id}/close`, { token: charity.token });
    const told = await eventually(
      async () => (await call('GET', '/me/notifications?limit=100', { token: donor.token })).body.items as { type: string; refId: string; body: string }[],
      (items) => items.some((n) => n.type === 'distribution_closed' && n.refId === id),
    );
    const closing = told.filter((n) => n.type === 'distribution_closed' && n.refId === id);
    expect(closing).toHaveLength(1);
    expect(closing[0].body).toContain('3 位受助人中 2 位已签收');
  });
});
