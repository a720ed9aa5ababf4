import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkS3Request, refusalXml, type S3CheckSettings } from './s3-front-checks';

/**
 * The local bucket's front door: an HTTP proxy, in the launcher's process, before the S3 emulator
 * (which checks no policy and no signature). It lets through only what S3 itself would take
 * (scripts/lib/s3-front-checks.ts), so an unsigned PUT, a form without a valid policy or a listing
 * is refused here as it is in AWS. The app never calls the bucket (photos go through the API's own
 * host): the callers are the functions, whose signed calls are checked as S3 checks them.
 */
export interface S3Front {
  /** The endpoint the functions and the app use (path-style), in place of the emulator's. */
  url: string;
  close(): Promise<void>;
}

/** More than the largest upload a policy allows, so an oversized form is refused by its policy. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The bucket's CORS rule (serverless.yml): a browser must read even a refusal of its form POST. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, PUT',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'ETag, Location',
};

export async function startS3Front(options: { port?: number; emulator: string } & Omit<S3CheckSettings, 'now'> & { now?: () => Date }): Promise<S3Front> {
  const target = new URL(options.emulator);
  const settings: S3CheckSettings = { bucket: options.bucket, credentials: options.credentials, now: options.now ?? (() => new Date()) };

  const passOn = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const upstream = forward({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, CORS);
      res.end();
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    // A CORS preflight carries no credentials in any S3: the emulator's proxy answers it.
    if (req.method === 'OPTIONS') return passOn(req, res, Buffer.alloc(0));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const refused =
        size > MAX_BODY_BYTES
          ? Promise.resolve({ status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' })
          : checkS3Request({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, settings);
      refused.then(
        (refusal) => {
          if (!refusal) return passOn(req, res, body);
          res.writeHead(refusal.status, { ...CORS, 'content-type': 'application/xml' });
          res.end(req.method === 'HEAD' ? undefined : refusalXml(refusal));
        },
        () => {
          res.writeHead(500, CORS);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
