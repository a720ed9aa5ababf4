import { call, devSignIn } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';

/** Every page of a list, one item at a time, following nextCursor to the end. */
async function pageThrough(path: string, token?: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await call(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(1);
    ids.push(...answer.body.items.map((item: { id: string }) => item.id));
    cursor = answer.body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error(`${path} never ended`);
}

describe('limit and cursor on every list', () => {
  it('GET /me/dreams pages through what I proposed, newest first', async () => {
    const { token } = await devSignIn();
    const made: string[] = [];
    for (const title of ['第一个小梦想', '第二个小梦想', '第三个小梦想']) {
      made.push((await call('POST', '/dreams', { token, body: { title, story: STORY, category: 'elderly', targetFlowers: 1_000 } })).body.dream.id);
    }
    expect(await pageThrough('/me/dreams', token)).toEqual([...made].reverse());
  });

  it('GET /me/stores pages through a merchant’s stores', async () => {
    const { token } = await devSignIn(['merchant']);
    const made: string[] = [];
    for (const name of ['一号店', '二号店'])
      made.push((await call('POST', '/stores', { token, body: { name, city: '深圳', address: '南山区 1 号' } })).body.store.id);
    expect(await pageThrough('/me/stores', token)).toEqual([...made].reverse());
  });

  it('GET /sponsors pages through every sponsor once', async () => {
    const admin = await devSignIn(['admin']);
    for (const name of ['分页测试甲', '分页测试乙']) {
      await call('POST', '/admin/sponsors', { token: admin.token, body: { name, logoText: '测', fenPer10kSteps: 100, budgetFen: 1_000 } });
    }
    const all = (await call('GET', '/sponsors?limit=100')).body.items.map((s: { id: string }) => s.id);
    const paged = await pageThrough('/sponsors');
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });
});
