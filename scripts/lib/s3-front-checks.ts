import { createHash, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../functions/adapters/sigv4';

/**
 * What S3 checks before it takes a request, for the local front (scripts/lib/s3-front.ts): a form
 * POST's policy (expiration, conditions) and its signature, SigV4 on every other object call (in the
 * Authorization header or a presigned query), and no listing at all. Each check answers a refusal
 * in S3's own terms, or null when S3 would take the request.
 */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

export interface S3Request {
  method: string;
  /** The path and query exactly as sent (a signature covers them as sent). */
  url: string;
  /** Lower-cased names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface S3CheckSettings {
  bucket: string;
  /** Secret access keys by access key id: the keys the functions sign with. */
  credentials: Record<string, string>;
  now: () => Date;
}

/** S3 refuses a signed request whose date is further than this from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = 'AWS4-HMAC-SHA256';

const refuse = (status: number, code: string, message: string): S3Refusal => ({ status, code, message });
const denied = (message: string) => refuse(403, 'AccessDenied', message);

export async function checkS3Request(request: S3Request, settings: S3CheckSettings): Promise<S3Refusal | null> {
  const url = new URL(request.url, 'http://front');
  const [bucket, ...keyParts] = url.pathname.slice(1).split('/');
  const key = keyParts.join('/');
  if (!bucket) return denied('Listing buckets is not allowed');
  if (bucket !== settings.bucket) return refuse(404, 'NoSuchBucket', 'The specified bucket does not exist');
  if (!key) {
    const contentType = header(request, 'content-type') ?? '';
    if (request.method === 'POST' && contentType.startsWith('multipart/form-data')) return checkFormPost(request, settings);
    return denied('Access Denied');
  }
  return checkSignedRequest(request, url, settings);
}

// ---- form POST: the policy document and its signature ----

async function checkFormPost(request: S3Request, settings: S3CheckSettings): Promise<S3Refusal | null> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': header(request, 'content-type')! } }).formData();
  } catch {
    return refuse(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
  }
  const fields = new Map<string, string>();
  let file: Blob | undefined;
  for (const [name, value] of form.entries()) {
    if (name.toLowerCase() === 'file') file = value as Blob;
    else if (typeof value === 'string') fields.set(name.toLowerCase(), value);
  }
  if (!file) return refuse(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  const encodedPolicy = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  if (!encodedPolicy || !signature || !fields.get('key')) return denied('Anonymous uploads are not allowed');
  if (fields.get('x-amz-algorithm') !== ALGORITHM) return refuse(400, 'InvalidArgument', 'Only AWS4-HMAC-SHA256 is accepted');
  const scope = parseCredential(fields.get('x-amz-credential'));
  const signingDate = parseAmzDate(fields.get('x-amz-date'));
  if (!scope || !signingDate || scope.day !== fields.get('x-amz-date')!.slice(0, 8))
    return refuse(400, 'InvalidArgument', 'The credential or date is malformed');
  const secret = settings.credentials[scope.accessKeyId];
  if (!secret) return denied('The AWS Access Key Id you provided does not exist in our records.');
  const expected = await signerFor(scope, secret).sign(encodedPolicy, { signingDate, signingRegion: scope.region, signingService: scope.service });
  if (!sameText(expected, signature))
    return refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  return policyRefusal(encodedPolicy, fields, file.size, settings);
}

type Condition = Record<string, unknown> | unknown[];

function policyRefusal(encodedPolicy: string, fields: Map<string, string>, fileSize: number, settings: S3CheckSettings): S3Refusal | null {
  let policy: { expiration?: unknown; conditions?: unknown };
  try {
    policy = JSON.parse(Buffer.from(encodedPolicy, 'base64').toString('utf8')) as typeof policy;
  } catch {
    return refuse(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = typeof policy.expiration === 'string' ? Date.parse(policy.expiration) : NaN;
  if (Number.isNaN(expiration) || !Array.isArray(policy.conditions))
    return refuse(400, 'InvalidPolicyDocument', 'Invalid Policy: expiration and conditions are required.');
  if (expiration <= settings.now().getTime()) return denied('Invalid according to Policy: Policy expired.');
  const values = new Map([...fields, ['bucket', settings.bucket]]);
  const covered = new Set<string>();
  for (const condition of policy.conditions as Condition[]) {
    const failure = conditionFailure(condition, values, fileSize, covered);
    if (failure) return failure;
  }
  // Every field the form sends must be named by a condition (S3's rule), so nothing rides along unsigned.
  const uncovered = [...fields.keys()].filter((name) => !['policy', 'x-amz-signature'].includes(name) && !name.startsWith('x-ignore-') && !covered.has(name));
  return uncovered.length ? denied(`Invalid according to Policy: Extra input fields: ${uncovered.join(', ')}`) : null;
}

function conditionFailure(condition: Condition, values: Map<string, string>, fileSize: number, covered: Set<string>): S3Refusal | null {
  const policyFails = (what: string) => denied(`Invalid according to Policy: Policy Condition failed: ${what}`);
  if (!Array.isArray(condition)) {
    for (const [name, expected] of Object.entries(condition)) {
      covered.add(name.toLowerCase());
      if (values.get(name.toLowerCase()) !== expected) return policyFails(`["eq", "$${name}", ${JSON.stringify(expected)}]`);
    }
    return null;
  }
  const [operator, subject, operand] = condition;
  const op = String(operator).toLowerCase();
  if (op === 'content-length-range') {
    if (fileSize > Number(operand)) return refuse(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    if (fileSize < Number(subject)) return refuse(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
    return null;
  }
  const name = String(subject).replace(/^\$/, '').toLowerCase();
  covered.add(name);
  const value = values.get(name) ?? '';
  if (op === 'eq' && value === operand) return null;
  if (op === 'starts-with' && value.startsWith(String(operand))) return null;
  return policyFails(JSON.stringify(condition));
}

// ---- SigV4 on object calls: the Authorization header or a presigned query ----

interface Scope {
  accessKeyId: string;
  day: string;
  region: string;
  service: string;
}

async function checkSignedRequest(request: S3Request, url: URL, settings: S3CheckSettings): Promise<S3Refusal | null> {
  const authorization = header(request, 'authorization');
  if (authorization) return checkSignedHeaders(request, url, authorization, settings);
  if (url.searchParams.has('X-Amz-Signature')) return checkPresignedQuery(request, url, settings);
  return denied('Anonymous access is not allowed');
}

async function checkSignedHeaders(request: S3Request, url: URL, authorization: string, settings: S3CheckSettings): Promise<S3Refusal | null> {
  const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim());
  const scope = parseCredential(match?.[1]);
  const signingDate = parseAmzDate(header(request, 'x-amz-date'));
  if (!match || !scope || !signingDate) return refuse(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
  const secret = settings.credentials[scope.accessKeyId];
  if (!secret) return denied('The AWS Access Key Id you provided does not exist in our records.');
  if (Math.abs(settings.now().getTime() - signingDate.getTime()) > MAX_SKEW_MS) return denied('RequestTimeTooSkewed');
  const signedHeaders = match[2].split(';');
  const payloadHash = header(request, 'x-amz-content-sha256');
  if (!payloadHash) return refuse(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  if (/^[0-9a-f]{64}$/.test(payloadHash) && createHash('sha256').update(request.body).digest('hex') !== payloadHash)
    return refuse(400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.');
  const signed = await signerFor(scope, secret).sign(requestToSign(request, url, signedHeaders, url.searchParams), {
    signingDate,
    signingRegion: scope.region,
    signingService: scope.service,
    signableHeaders: new Set(signedHeaders),
  });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? '';
  return sameText(expected, match[3])
    ? null
    : refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
}

const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];

async function checkPresignedQuery(request: S3Request, url: URL, settings: S3CheckSettings): Promise<S3Refusal | null> {
  const query = url.searchParams;
  const scope = parseCredential(query.get('X-Amz-Credential') ?? undefined);
  const signingDate = parseAmzDate(query.get('X-Amz-Date') ?? undefined);
  const expiresIn = Number(query.get('X-Amz-Expires'));
  if (query.get('X-Amz-Algorithm') !== ALGORITHM || !scope || !signingDate || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 604_800)
    return refuse(400, 'AuthorizationQueryParametersError', 'The presigned query is malformed');
  const secret = settings.credentials[scope.accessKeyId];
  if (!secret) return denied('The AWS Access Key Id you provided does not exist in our records.');
  const now = settings.now().getTime();
  if (now > signingDate.getTime() + expiresIn * 1000) return denied('Request has expired');
  if (now < signingDate.getTime() - MAX_SKEW_MS) return denied('Request is not yet valid');
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? 'host').split(';');
  const rest = new URLSearchParams([...query].filter(([name]) => !PRESIGN_PARAMS.includes(name)));
  const signer = signerFor(scope, secret);
  const options = {
    signingDate,
    expiresIn,
    signingRegion: scope.region,
    signingService: scope.service,
    signableHeaders: new Set(signedHeaders),
    unhoistableHeaders: new Set(signedHeaders),
  };
  // S3's presigners sign UNSIGNED-PAYLOAD; a bare SigV4 presign of a GET signs the empty body's hash.
  // Either names no body, so either is taken. (A stand-in body object makes the signer use UNSIGNED-PAYLOAD.)
  const candidates = await Promise.all(
    [undefined, {}].map(
      async (body) => (await signer.presign({ ...requestToSign(request, url, signedHeaders, rest), body }, options)).query?.['X-Amz-Signature'],
    ),
  );
  const given = query.get('X-Amz-Signature') ?? '';
  return candidates.some((expected) => typeof expected === 'string' && sameText(expected, given))
    ? null
    : refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
}

function requestToSign(request: S3Request, url: URL, signedHeaders: string[], query: URLSearchParams) {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) headers[name] = header(request, name) ?? '';
  const [hostname, port] = (header(request, 'host') ?? '').split(':');
  const queryRecord: Record<string, string> = {};
  for (const [name, value] of query) queryRecord[name] = value;
  return { method: request.method, protocol: 'http:', hostname, port: port ? Number(port) : undefined, path: url.pathname, query: queryRecord, headers };
}

// ---- shared ----

function signerFor(scope: Scope, secretAccessKey: string): SignatureV4 {
  return new SignatureV4({
    service: scope.service,
    region: scope.region,
    credentials: { accessKeyId: scope.accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    uriEscapePath: false,
  });
}

function parseCredential(credential: string | undefined): Scope | null {
  const parts = credential?.split('/') ?? [];
  if (parts.length !== 5 || parts[3] !== 's3' || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1])) return null;
  return { accessKeyId: parts[0], day: parts[1], region: parts[2], service: parts[3] };
}

function parseAmzDate(value: string | undefined): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
}

function header(request: S3Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The XML body S3 answers a refusal with. */
export function refusalXml(refusal: S3Refusal): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escape(refusal.message)}</Message></Error>`;
}
