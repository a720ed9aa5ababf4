import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built H5 app. The API base is injected into index.html at serve time
 * (window.__LRF_API_BASE__), so one build works against any local API port.
 */
export function serveH5(options: { root: string; port: number; apiBase: string }): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const root = resolve(options.root);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run npm run build:h5 first`);
  const inject = `<script>window.__LRF_API_BASE__=${JSON.stringify(options.apiBase)}</script>`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (file === indexFile) {
      const html = readFileSync(indexFile, 'utf8').replace('<head>', `<head>${inject}`);
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(html);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${port}/`, server, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
