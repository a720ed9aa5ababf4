import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ObjectStore, PresignedPost } from '../../domain/upload';
import { NodeSha256 } from '../sigv4';

/**
 * The uploads bucket on S3's REST API, signed with SigV4 by the SDK's own signer: PUT, GET, HEAD,
 * a ranged GET and presigned GETs (WeChat's image check fetches with one); a presigned POST (a
 * policy a form must match) stays for tools and the local bucket front's tests. The S3 client would
 * add a few hundred KB to each function for these few calls.
 *
 * `endpoint` (a local emulator) uses path-style URLs; without it, the bucket's virtual-hosted URL.
 * `publicApiBase` is the API's own public origin: the app sends and reads photos there, never here.
 */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

export class SignedObjectStore implements ObjectStore {
  private readonly signer: SignatureV4;
  private readonly credentials: AwsCredentialIdentityProvider;
  private readonly base: URL;
  private readonly pathStyle: boolean;

  constructor(
    private readonly options: { bucket: string; region: string; endpoint?: string; publicApiBase?: string; credentials?: AwsCredentialIdentityProvider },
  ) {
    this.credentials = options.credentials ?? defaultProvider();
    this.signer = new SignatureV4({ service: 's3', region: options.region, credentials: this.credentials, sha256: NodeSha256, uriEscapePath: false });
    this.pathStyle = Boolean(options.endpoint);
    this.base = new URL(
      options.endpoint ? `${options.endpoint.replace(/\/$/, '')}/${options.bucket}/` : `https://${options.bucket}.s3.${options.region}.amazonaws.com/`,
    );
  }

  /** Where the form goes: the bucket's URL. */
  get postUrl(): string {
    return this.pathStyle ? this.base.href.replace(/\/$/, '') : this.base.href;
  }

  receiveUrl(uploadId: string): string {
    return `${this.publicApiBase()}/uploads/${encodeURIComponent(uploadId)}/file`;
  }

  viewUrl(uploadId: string): string {
    return `${this.publicApiBase()}/photos/${encodeURIComponent(uploadId)}`;
  }

  private publicApiBase(): string {
    if (!this.options.publicApiBase) throw new Error('PUBLIC_API_BASE is not configured');
    return this.options.publicApiBase.replace(/\/+$/, '');
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const response = await this.send('PUT', key, { body: bytes, headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) } });
    if (!response.ok) throw new S3Error(response.status, `S3 PUT ${key}: HTTP ${response.status}`);
  }

  async read(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    const response = await this.send('GET', key);
    if (response.status === 404 || response.status === 403) return null;
    if (!response.ok) throw new S3Error(response.status, `S3 GET ${key}: HTTP ${response.status}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
  }

  async presignPost(input: { key: string; contentType: string; maxBytes: number; expiresAt: Date }): Promise<PresignedPost> {
    const now = new Date();
    const credentials = await this.credentials();
    const fields: Record<string, string> = {
      key: input.key,
      'Content-Type': input.contentType,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${credentials.accessKeyId}/${shortDate(now)}/${this.options.region}/s3/aws4_request`,
      'X-Amz-Date': longDate(now),
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const policy = {
      expiration: input.expiresAt.toISOString(),
      conditions: [
        { bucket: this.options.bucket },
        ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
        ['content-length-range', 1, input.maxBytes],
      ],
    };
    const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
    return { url: this.postUrl, fields: { ...fields, Policy: encoded, 'X-Amz-Signature': await this.signPolicy(encoded, now, credentials) } };
  }

  /** A POST policy's signature: HMAC-SHA256 of the base64 policy with the day's SigV4 signing key. */
  async signPolicy(encodedPolicy: string, date: Date, credentials?: AwsCredentialIdentity): Promise<string> {
    const signer = credentials
      ? new SignatureV4({ service: 's3', region: this.options.region, credentials, sha256: NodeSha256, uriEscapePath: false })
      : this.signer;
    return signer.sign(encodedPolicy, { signingDate: date });
  }

  async size(key: string): Promise<number | null> {
    const response = await this.send('HEAD', key);
    if (response.status === 404 || response.status === 403) return null;
    if (!response.ok) throw new S3Error(response.status, `S3 HEAD ${key}: HTTP ${response.status}`);
    return Number(response.headers.get('content-length') ?? 0);
  }

  async firstBytes(key: string, count: number): Promise<Uint8Array> {
    const response = await this.send('GET', key, { headers: { range: `bytes=0-${count - 1}` } });
    if (response.status === 404) return new Uint8Array();
    if (!response.ok) throw new S3Error(response.status, `S3 GET ${key}: HTTP ${response.status}`);
    // A server that ignores Range sends it all; only the first bytes are wanted.
    return new Uint8Array(await response.arrayBuffer()).slice(0, count);
  }

  async keep(from: string, to: string, contentType: string): Promise<void> {
    // GET then PUT (≤ rules.uploads.maxBytes): plain calls every S3 emulator has, and the kept copy carries the type
    // the server sniffed, not the one the uploader declared.
    const source = await this.send('GET', from);
    if (!source.ok) throw new S3Error(source.status, `S3 GET ${from}: HTTP ${source.status}`);
    await this.put(to, new Uint8Array(await source.arrayBuffer()), contentType);
  }

  async presignGet(key: string, seconds: number): Promise<string> {
    const url = this.objectUrl(key);
    const signed = await this.signer.presign(
      { method: 'GET', protocol: url.protocol, hostname: url.hostname, port: portOf(url), path: url.pathname, query: {}, headers: { host: url.host } },
      { expiresIn: seconds },
    );
    const query = new URLSearchParams(signed.query as Record<string, string>);
    return `${url.origin}${url.pathname}?${query.toString()}`;
  }

  private objectUrl(key: string): URL {
    return new URL(key.split('/').map(encodeURIComponent).join('/'), this.base);
  }

  private async send(method: string, key: string, extra: { headers?: Record<string, string>; body?: Uint8Array } = {}) {
    const url = this.objectUrl(key);
    const signed = await this.signer.sign({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: portOf(url),
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...extra.headers },
      body: extra.body,
    });
    return fetch(`${url.origin}${url.pathname}`, {
      method,
      headers: signed.headers as Record<string, string>,
      body: extra.body ? Buffer.from(extra.body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
  }
}

function portOf(url: URL): number | undefined {
  return url.port ? Number(url.port) : undefined;
}

function longDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function shortDate(date: Date): string {
  return longDate(date).slice(0, 8);
}
