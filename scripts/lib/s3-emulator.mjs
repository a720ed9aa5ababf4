// The uploads bucket's emulator process (scripts/lib/local-s3.ts starts it): fauxqs, an S3/SQS/SNS
// emulator in Node (ESM only, Node ≥ 22.5), behind a proxy that plays the bucket's CORS rule as
// serverless.yml gives it in AWS (fauxqs has none, and a browser must read its form POST's answer).
// Prints one JSON line, {"endpoint": …}, when ready. It checks no policy and no signature: the launcher's
// front (scripts/lib/s3-front.ts) stands before it and is the endpoint everyone is given.
import { createServer, request } from 'node:http';
import { startFauxqs } from 'fauxqs';

const [port, bucket, storageDir] = [Number(process.env.S3_EMULATOR_PORT ?? 0), process.env.S3_EMULATOR_BUCKET, process.env.S3_EMULATOR_DIR];
const emulator = await startFauxqs({ port: 0, logger: false, ...(storageDir ? { s3StorageDir: storageDir } : {}) });
try {
  emulator.createBucket(bucket);
} catch {
  // there already (kept in the storage folder)
}
const target = new URL(emulator.address);

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, PUT',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'ETag, Location',
  'access-control-max-age': '3000',
};

const proxy = createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  const upstream = request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...CORS });
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, CORS);
    res.end();
  });
  req.pipe(upstream);
});
proxy.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ endpoint: `http://localhost:${proxy.address().port}` }));
});
const stop = async () => {
  proxy.close();
  proxy.closeAllConnections();
  await emulator.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Gone with its parent (npm start, npm run api or a test), like DynamoDB Local.
process.on('disconnect', stop);
