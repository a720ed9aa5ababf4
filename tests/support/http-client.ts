import { request as httpRequest } from 'node:http';
import { contractProblem } from './contract-check';

/**
 * A tiny client for the API tier: raw status, headers and parsed body of every answer. Every
 * answer of the API under test is checked against the contract (functions/contract): a test
 * fails when a route answers a field, a status or a code that the contract does not document.
 */
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is, for malformed-input tests. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** For the few tests that send what the contract does not describe (unknown routes, 500s by design). */
  skipContractCheck?: boolean;
  /** Connect from this loopback address (127.x.y.z), so per-address quotas see another client. */
  fromAddress?: string;
}

export function apiUrl(): string {
  const url = process.env.API_URL;
  if (!url) throw new Error('API_URL is not set: run this through the api project');
  return url;
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}, base = apiUrl()): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = options.fromAddress
    ? await requestFrom(options.fromAddress, `${base}${path}`, { method, headers, body })
    : await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (base === apiUrl() && !options.skipContractCheck) {
    const problem = contractProblem(method, path, response.status, parsed, text);
    if (problem) throw new Error(`contract broken by ${method} ${path} → ${response.status}: ${problem}\n${text.slice(0, 600)}`);
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

let counter = 0;
/** Signs in a fresh user through POST /auth/dev. */
export async function devSignIn(
  roles: string[] = [],
  base = apiUrl(),
  openidPrefix = 'api-test',
): Promise<{ token: string; openid: string; user: { id: string; nickname: string; roles: string[] } }> {
  const openid = `${openidPrefix}-${process.pid}-${Date.now()}-${++counter}`;
  const answer = await call('POST', '/auth/dev', { body: { openid, nickname: '测试用户', roles } }, base);
  if (answer.status !== 200) throw new Error(`dev sign-in failed: ${answer.status} ${answer.text}`);
  return { ...answer.body, openid };
}

/**
 * Asks again until `done` holds: for what the stream consumers do after a request has answered
 * (they run within a second or two locally). Gives up after `timeoutMs`, answering the last value.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function grant(token: string, flowers: number, base = apiUrl()) {
  const answer = await call('POST', '/dev/grants', { token, body: { flowers } }, base);
  if (answer.status !== 201) throw new Error(`grant failed: ${answer.status} ${answer.text}`);
  return answer.body as { entry: { id: string }; balance: number };
}

/** fetch() cannot choose its local address; node:http can. Answers a fetch-like Response. */
function requestFrom(localAddress: string, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method, headers: init.headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers }));
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
