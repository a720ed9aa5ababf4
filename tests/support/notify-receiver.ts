import { createServer, type Server } from 'node:http';
import { freePort } from '../../scripts/lib/ports';

export interface ReceivedNotification {
  headers: Record<string, string>;
  body: string;
}

/**
 * Stands in for the API's notify URL: WeChat Pay's notifications (payments, refunds) land here and
 * are kept for the test to hand to the use case itself. Call it before useAppWithFakeWechat and
 * give that `notifyPort: () => receiver.port`.
 */
export function useNotifyReceiver(): { readonly port: number; readonly received: ReceivedNotification[] } {
  const state = { port: 0, received: [] as ReceivedNotification[] };
  let server: Server;
  beforeAll(async () => {
    state.port = await freePort();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        state.received.push({ headers: req.headers as Record<string, string>, body });
        res.writeHead(204);
        res.end();
      });
    });
    await new Promise<void>((done) => server.listen(state.port, '127.0.0.1', () => done()));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  return state;
}
