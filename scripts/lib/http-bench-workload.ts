/**
 * The hot-dream workload over HTTP, the same whether it runs inside the bench's process or in a
 * client process of its own: one open dream, `donors` people with flowers enough, each giving
 * `giftsEach` gifts in turn (every gift with its own Idempotency-Key), all donors at once.
 */

export interface HotDream {
  dreamId: string;
  tokens: string[];
}

export interface GiftRunResult {
  gifts: number;
  seconds: number;
  giftsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 200: each one a gift refused or lost. */
  nonContract: number;
  flowersGiven: number;
  /** The dream's total as the API shows it after the run. */
  flowersRaised: number;
}

type Answer = { status: number; body: { token?: string; dream?: { id: string; flowersRaised?: number } } & Record<string, unknown> };

async function post(base: string, path: string, body: unknown, token?: string, key?: string): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function signIn(base: string, openid: string, roles?: string[]): Promise<string> {
  const answer = await post(base, '/auth/dev', roles ? { openid, roles } : { openid });
  if (typeof answer.body.token !== 'string') throw new Error(`/auth/dev answered ${answer.status} for ${openid}`);
  return answer.body.token;
}

/** A dream approved by an admin and `donors` people granted flowers; `label` keeps runs apart. */
export async function arrangeHotDream(base: string, donors: number, label: string): Promise<HotDream> {
  const admin = await signIn(base, `bench-${label}-admin`, ['admin']);
  const proposer = await signIn(base, `bench-${label}-proposer`);
  const story = '这是一个通过 HTTP 测量热点梦想吞吐的基准测试梦想，许多人同时为它送小红花。';
  const proposed = await post(base, '/dreams', { title: '九九公益日的大梦想', story, category: 'education', targetFlowers: 100_000_000 }, proposer);
  const dreamId = proposed.body.dream?.id;
  if (!dreamId) throw new Error(`POST /dreams answered ${proposed.status}`);
  await post(base, `/dreams/${dreamId}/review`, { decision: 'approve' }, admin);
  const tokens = await Promise.all(
    Array.from({ length: donors }, async (_, i) => {
      const token = await signIn(base, `bench-${label}-donor-${i}`);
      await post(base, '/dev/grants', { flowers: 1_000_000 }, token);
      return token;
    }),
  );
  return { dreamId, tokens };
}

/** The value at quantile `q` of ascending `sorted`, in whole milliseconds. */
export function quantileMs(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}

/** Every donor gives `giftsEach` gifts one after another; the donors run side by side. */
export async function runGifts(base: string, dream: HotDream, giftsEach: number, label: string): Promise<GiftRunResult> {
  const latencies: number[] = [];
  let nonContract = 0;
  let flowersGiven = 0;
  const started = performance.now();
  await Promise.all(
    dream.tokens.map(async (token, d) => {
      for (let g = 0; g < giftsEach; g++) {
        const flowers = 1 + (g % 5);
        const sent = performance.now();
        const answer = await post(base, `/dreams/${dream.dreamId}/donations`, { flowers }, token, `bench-${label}-${d}-${g}`);
        latencies.push(performance.now() - sent);
        if (answer.status === 200) flowersGiven += flowers;
        else nonContract++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const shown = (await (await fetch(`${base}/dreams/${dream.dreamId}`)).json()) as { dream: { flowersRaised: number } };
  return {
    gifts: latencies.length,
    seconds,
    giftsPerSecond: latencies.length / seconds,
    p50Ms: quantileMs(latencies, 0.5),
    p99Ms: quantileMs(latencies, 0.99),
    maxMs: Math.round(latencies.at(-1) ?? 0),
    nonContract,
    flowersGiven,
    flowersRaised: shown.dream.flowersRaised,
  };
}
