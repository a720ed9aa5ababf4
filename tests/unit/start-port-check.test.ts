import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import { loadLauncherSettings } from '../../scripts/lib/launcher-settings';
import { checkPorts, portRefusal, probePort, serversToStart } from '../../scripts/lib/port-check';
import { freePort } from '../../scripts/lib/ports';

/** The probe's own limit, pinned short: a port that says nothing must fail within it, never hang. */
const PROBE_TIMEOUT_MS = 300;
const probe = (port: number) => probePort(port, { timeoutMs: PROBE_TIMEOUT_MS });
/** For servers that do answer: the probe ends on their answer, so a busy machine only needs a longer limit. */
const patientProbe = (port: number) => probePort(port, { timeoutMs: 5_000 });

jest.setTimeout(10_000);

const listening = (server: Server) => new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));
const closing = (server: Server) => new Promise<void>((done) => server.close(() => done()));

describe('npm start checks each port before starting its server', () => {
  const dynamo = { name: 'DynamoDB Local', port: 8765, variable: 'DYNAMODB_PORT' };

  it('a free port lets the start go on', async () => {
    // Arrange
    const port = await freePort();

    // Act
    const answer = await probe(port);

    // Assert
    expect(answer).toEqual({ kind: 'free' });
    await expect(checkPorts([{ ...dynamo, port }], probe)).resolves.toBeUndefined();
  });

  it('an HTTP server answering wrongly on the port fails with one line naming the port and its variable', async () => {
    // Arrange
    const server = createHttpServer((_req, res) => res.writeHead(404).end('not here'));
    const port = await listening(server);

    try {
      // Act
      const started = checkPorts([{ ...dynamo, port }], patientProbe);

      // Assert
      await expect(started).rejects.toThrow(
        `Port ${port} for DynamoDB Local is taken by an HTTP server (status 404): stop it, or set DYNAMODB_PORT to another port.`,
      );
    } finally {
      await closing(server);
    }
  });

  it('a listener that accepts and never answers fails within the pinned probe timeout', async () => {
    // Arrange
    const sockets: import('node:net').Socket[] = [];
    const server = createTcpServer((socket) => sockets.push(socket));
    const port = await listening(server);

    try {
      // Act
      const started = checkPorts([{ name: 'the API', port, variable: 'API_PORT' }], probe);

      // Assert
      await expect(started).rejects.toThrow(
        `Port ${port} for the API is taken by a program that does not answer HTTP: stop it, or set API_PORT to another port.`,
      );
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await closing(server);
    }
  });

  it('another DynamoDB Local is known by its AWS request id and is refused rather than seeded into', async () => {
    // Arrange
    const server = createHttpServer((_req, res) => res.writeHead(400, { 'x-amzn-RequestId': 'abc' }).end('{"__type":"MissingAuthenticationToken"}'));
    const port = await listening(server);

    try {
      // Act
      const answer = await patientProbe(port);

      // Assert
      expect(answer).toEqual({ kind: 'dynamodb-local' });
      expect(portRefusal({ ...dynamo, port }, answer)).toBe(
        `Port ${port} for DynamoDB Local is taken by another DynamoDB Local: stop it, or set DYNAMODB_PORT to another port.`,
      );
    } finally {
      await closing(server);
    }
  });

  it('checks the servers it starts on their documented ports, and none that the environment gives from outside', () => {
    // Arrange
    const inside = loadLauncherSettings({});
    const outsideEnv = {
      LRF_DYNAMODB_ENDPOINT: 'http://db:8000',
      S3_ENDPOINT: 'http://s3:9000',
      WECHAT_API_BASE: 'http://wx',
      WECHATPAY_API_BASE: 'http://pay',
    };

    // Act
    const all = serversToStart(inside, {});
    const fewer = serversToStart(loadLauncherSettings(outsideEnv), outsideEnv);

    // Assert
    expect(all.map(({ port, variable }) => `${variable}=${port}`)).toEqual([
      'DYNAMODB_PORT=8765',
      'S3_PORT=4569',
      'FAKE_WECHAT_PORT=3100',
      'FAKE_WECHATPAY_PORT=3200',
      'API_PORT=3000',
      'H5_PORT=10086',
    ]);
    expect(fewer.map(({ variable }) => variable)).toEqual(['API_PORT', 'H5_PORT']);
  });
});
