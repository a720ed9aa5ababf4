import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ParameterStoreError, SignedParameterStore } from '../../functions/adapters/ssm/parameter-store';
import { NodeSha256 } from '../../functions/adapters/sigv4';
import { secretProvider, setParameterStoreForTests } from '../../functions/shared/secrets';

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for ssm.<region>.amazonaws.com speaking the JSON 1.1 protocol. */
async function fakeSsm(parameters: Record<string, string>): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const { Name } = JSON.parse(body) as { Name: string };
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (!(Name in parameters)) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'com.amazonaws.ssm#ParameterNotFound', message: 'not here' }));
        return;
      }
      res.end(JSON.stringify({ Parameter: { Name, Type: 'SecureString', Value: parameters[Name], Version: 1 } }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, server };
}

const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' });

describe('SSM Parameter Store, GetParameter', () => {
  afterEach(() => setParameterStoreForTests(undefined));

  it('sends a SigV4-signed GetParameter with decryption and returns the value', async () => {
    // Arrange
    const ssm = await fakeSsm({ '/little-red-flower/prod/jwt-secret': 's3cret' });
    const store = new SignedParameterStore({ region: 'ap-east-1', endpoint: ssm.url, credentials });

    // Act
    const value = await store.getDecrypted('/little-red-flower/prod/jwt-secret');

    // Assert
    expect(value).toBe('s3cret');
    const [request] = ssm.seen;
    expect(JSON.parse(request.body)).toEqual({ Name: '/little-red-flower/prod/jwt-secret', WithDecryption: true });
    expect(request.headers['x-amz-target']).toBe('AmazonSSM.GetParameter');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.headers['x-amz-security-token']).toBe('session-token');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-east-1\/ssm\/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    ssm.server.close();
  });

  it("names SSM's error type when a parameter is missing", async () => {
    const ssm = await fakeSsm({});
    const store = new SignedParameterStore({ region: 'ap-east-1', endpoint: ssm.url, credentials });
    await expect(store.getDecrypted('/nope')).rejects.toEqual(expect.objectContaining({ awsType: 'ParameterNotFound' }));
    await expect(store.getDecrypted('/nope')).rejects.toBeInstanceOf(ParameterStoreError);
    ssm.server.close();
  });

  it('reads a secret once and serves it from the cache; a failure is not cached', async () => {
    const ssm = await fakeSsm({ '/p/ok': 'v1' });
    setParameterStoreForTests(new SignedParameterStore({ region: 'ap-east-1', endpoint: ssm.url, credentials }));
    const ok = secretProvider(undefined, '/p/ok', 'test secret');
    expect([await ok(), await ok()]).toEqual(['v1', 'v1']);
    expect(ssm.seen).toHaveLength(1);
    const missing = secretProvider(undefined, '/p/missing', 'test secret');
    await expect(missing()).rejects.toThrow(/ParameterNotFound/);
    await expect(missing()).rejects.toThrow(/ParameterNotFound/);
    expect(ssm.seen).toHaveLength(3);
    expect(await secretProvider('given-directly', '/p/ok', 'test secret')()).toBe('given-directly');
    ssm.server.close();
  });
});

describe('the SHA-256 the signer uses', () => {
  it("gives the signature of AWS's published SigV4 test vector (get-vanilla)", async () => {
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const signer = new SignatureV4({
      service: 'service',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      sha256: NodeSha256,
      applyChecksum: false,
    });
    const signed = await signer.sign(
      { method: 'GET', protocol: 'https:', hostname: 'example.amazonaws.com', path: '/', headers: { host: 'example.amazonaws.com' } },
      { signingDate: new Date('2015-08-30T12:36:00Z') },
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });
});
