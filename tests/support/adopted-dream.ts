import { call, devSignIn, grant } from './http-client';

export type SignedIn = Awaited<ReturnType<typeof devSignIn>>;

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';

/**
 * Arranges, over HTTP, what most charity-side tests start from: a dream with a match fund (1 fen a
 * flower) that one donor filled with 1,000 flowers, adopted by a charity. `admin` reuses an admin
 * the test already signed in (tests where the admin must be one person throughout).
 */
export async function adoptedDream(options: { title: string; admin?: SignedIn }) {
  const admin = options.admin ?? (await devSignIn(['admin']));
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: options.title, story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, {
    token: admin.token,
    body: { decision: 'approve', matchFund: { sponsorName: '爱心企业', fenPerFlower: 1, budgetFen: 100_000 } },
  });
  const donor = await devSignIn();
  await grant(donor.token, 1_000);
  await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 1_000 } });
  const charity = await devSignIn(['charity']);
  const adopted = await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token });
  if (adopted.status !== 200) throw new Error(`adopting the arranged dream answered ${adopted.status}`);
  return { dreamId, admin, charity, donor };
}
