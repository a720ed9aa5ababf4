import { createServer, type Server } from 'node:http';
import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { httpLogSource } from '../../scripts/lib/verify-log/log-source';
import { verifyLog } from '../../scripts/lib/verify-log/verify';
import { pendingGifts } from '../support/log-fixtures';
import { entriesOf, servedLog } from '../support/log-served';

/** The public routes as the API answers them, over a log served from memory. */
async function publicApi(log: Awaited<ReturnType<typeof servedLog>>, flowers: Record<string, number>, stores: Record<string, number>) {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    void (async () => {
      if (url.pathname === '/log/key') return json(await log.source.key());
      if (url.pathname === '/log/checkpoint') return res.writeHead(200, { 'content-type': 'text/plain' }).end(await log.source.checkpoint());
      if (url.pathname.startsWith('/log/tile/')) {
        const bytes = await log.source.tile(url.pathname.slice('/log/'.length));
        return bytes ? res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(bytes)) : res.writeHead(404).end();
      }
      const dream = /^\/dreams\/([^/]+)$/.exec(url.pathname);
      if (dream && flowers[dream[1]] !== undefined) return json({ dream: { id: dream[1], flowersRaised: flowers[dream[1]] }, donors: [] });
      if (url.pathname === '/stores/cities') return json({ cities: ['杭州'] });
      if (url.pathname === '/stores' && url.searchParams.get('city') === '杭州') {
        return json({ items: Object.entries(stores).map(([id, mealsAvailable]) => ({ id, mealsAvailable })), nextCursor: null });
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('npm run verify-log over HTTP', () => {
  it('reads the key, checkpoint, tiles, dreams and stores from the public routes and finds nothing in an honest log', async () => {
    // Arrange: 40 gifts to five dreams, one meal donation of 3 meals, one eaten
    const meals = [
      {
        ref: 'meal-1',
        personId: 'p1',
        entry: (donor: string | null) => ({
          v: 1 as const,
          kind: 'meal_donation' as const,
          ref: 'meal-1',
          at: '2026-12-03T08:00:00.000Z',
          store: 's1',
          meals: 3,
          amountFen: 4500,
          donor: donor!,
        }),
      },
      {
        ref: 'eat-1',
        personId: null,
        entry: () => ({ v: 1 as const, kind: 'meal_redemption' as const, ref: 'eat-1', at: '2026-12-03T12:00:00.000Z', store: 's1', donation: 'meal-1' }),
      },
    ];
    const log = await servedLog(entriesOf([...pendingGifts(40), ...meals]));
    const flowers: Record<string, number> = {};
    pendingGifts(40).forEach((_, n) => (flowers[`dream-${n % 5}`] = (flowers[`dream-${n % 5}`] ?? 0) + 1 + (n % 9)));
    const api = await publicApi(log, flowers, { s1: 2 });
    try {
      const source = httpLogSource(api.url);
      // Act
      const report = await verifyLog({ ...nodeLogCrypto, source, figures: source, witnessKeys: [], seen: null, settle: async () => {} });
      // Assert
      expect(report.findings).toEqual([]);
      expect(report.summary).toContain('42 entries verified');
      expect(report.summary).toContain('5 dreams and 1 stores compared');
    } finally {
      await api.close();
    }
  });
});
