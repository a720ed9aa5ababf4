/**
 * The local API Gateway (HTTP API, payload format 2.0) for `npm run api`: the routes and CORS of
 * serverless.yml, each request turned into the event Lambda gets and handed to the function's
 * own handler in this process. It replaces serverless-offline, which ran every concurrent
 * invocation in a worker thread of its own: under a crowd it started about a hundred threads, each
 * a cold start (its own bundle, SDK clients and empty caches), starved two cores until functions
 * ran past their timeout, and then answered that timeout as HTTP 200 with a stack trace.
 *
 * A Lambda timeout is answered the way API Gateway answers it (503 `{"message":"Service
 * Unavailable"}`), never with a body of the function's; the edge (functions/shared/http.ts) answers
 * its own 503 with the envelope and Retry-After well before that.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import yaml from 'js-yaml';

const ROOT = resolve(__dirname, '../..');
/** HTTP API's payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface Route {
  functionName: string;
  method: string;
  path: string;
  pattern: RegExp;
  params: string[];
  handlerFile: string;
  handlerExport: string;
  /** Loaded on first use, like a cold start. */
  handler?: Promise<Handler>;
}

interface Cors {
  allowedOrigins: string[];
  allowedHeaders: string[];
  allowedMethods: string[];
  exposedResponseHeaders: string[];
  maxAge: number;
}

interface ServerlessDoc {
  provider: { timeout?: number; httpApi?: { cors?: Cors } };
  functions: Record<string, { handler: string; timeout?: number; events?: { httpApi?: { method: string; path: string } }[] }>;
}

export interface GatewayOptions {
  port: number;
  host?: string;
  /** serverless.yml by default. */
  serverlessFile?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** The httpApi routes of serverless.yml, most specific first (literal segments before `{params}`). */
export function readRoutes(file = resolve(ROOT, 'serverless.yml')): { routes: Route[]; timeoutSeconds: number; cors?: Cors } {
  const doc = yaml.load(readFileSync(file, 'utf8')) as ServerlessDoc;
  const routes: Route[] = [];
  for (const [functionName, fn] of Object.entries(doc.functions)) {
    const dot = fn.handler.lastIndexOf('.');
    for (const event of fn.events ?? []) {
      if (!event.httpApi) continue;
      const params: string[] = [];
      const source = event.httpApi.path
        .split('/')
        .map((segment) => {
          // `{name+}` is API Gateway's greedy parameter: the rest of the path, slashes included.
          const param = /^\{(\w+)(\+?)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          params.push(param[1]);
          return param[2] ? '(.+)' : '([^/]+)';
        })
        .join('/');
      routes.push({
        functionName,
        method: event.httpApi.method.toUpperCase(),
        path: event.httpApi.path,
        pattern: new RegExp(`^${source}$`),
        params,
        handlerFile: resolve(ROOT, fn.handler.slice(0, dot)),
        handlerExport: fn.handler.slice(dot + 1),
      });
    }
  }
  routes.sort((a, b) => a.params.length - b.params.length);
  return { routes, timeoutSeconds: doc.provider.timeout ?? 29, cors: doc.provider.httpApi?.cors };
}

function match(routes: Route[], method: string, path: string): { route: Route; pathParameters: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    const pathParameters: Record<string, string> = {};
    route.params.forEach((name, index) => {
      try {
        pathParameters[name] = decodeURIComponent(found[index + 1]);
      } catch {
        pathParameters[name] = found[index + 1];
      }
    });
    return { route, pathParameters };
  }
  return null;
}

function loadHandler(route: Route): Promise<Handler> {
  route.handler ??= import(route.handlerFile).then((module: Record<string, unknown>) => {
    const handler = (module[route.handlerExport] ?? (module.default as Record<string, unknown> | undefined)?.[route.handlerExport]) as Handler | undefined;
    if (typeof handler !== 'function') throw new Error(`${route.functionName}: ${route.handlerFile} exports no ${route.handlerExport}`);
    return handler;
  });
  return route.handler;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) {
        done(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/** Headers as HTTP API hands them to Lambda: lower-case names, repeated values joined by commas. */
function eventHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function eventQuery(search: URLSearchParams): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const [name, value] of search) query[name] = name in query ? `${query[name]},${value}` : value;
  return Object.keys(query).length ? query : undefined;
}

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/i;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export async function startLocalGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { routes, timeoutSeconds, cors } = readRoutes(options.serverlessFile);
  const corsHeaders = (origin: string | undefined): Record<string, string> => {
    if (!cors || !origin) return {};
    const allowed = cors.allowedOrigins.includes('*') ? '*' : cors.allowedOrigins.includes(origin) || isLoopbackOrigin(origin) ? origin : undefined;
    if (!allowed) return {};
    return { 'access-control-allow-origin': allowed, 'access-control-expose-headers': cors.exposedResponseHeaders.join(',') };
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = req.headers.origin;
    // CORS preflight, answered by the gateway itself as HTTP API does.
    if (method === 'OPTIONS' && cors && origin && req.headers['access-control-request-method']) {
      send(
        res,
        204,
        {
          ...corsHeaders(origin),
          'access-control-allow-methods': cors.allowedMethods.join(','),
          'access-control-allow-headers': cors.allowedHeaders.join(','),
          'access-control-max-age': String(cors.maxAge),
        },
        '',
      );
      return;
    }
    const found = match(routes, method, url.pathname);
    const json = { 'content-type': 'application/json', ...corsHeaders(origin) };
    if (!found) {
      send(res, 404, json, JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const raw = await readBody(req).catch(() => null);
    if (raw === null) {
      send(res, 413, json, JSON.stringify({ message: 'Request Entity Too Large' }));
      return;
    }
    const headers = eventHeaders(req);
    const isText = raw.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
    const started = Date.now();
    const deadline = started + timeoutSeconds * 1000;
    const requestId = randomUUID();
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: `${found.route.method} ${found.route.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: eventQuery(url.searchParams),
      pathParameters: found.route.params.length ? found.pathParameters : undefined,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method,
          path: url.pathname,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: `${found.route.method} ${found.route.path}`,
        stage: '$default',
        time: new Date(started).toISOString(),
        timeEpoch: started,
      },
      body: raw.length ? (isText ? raw.toString('utf8') : raw.toString('base64')) : undefined,
      isBase64Encoded: raw.length > 0 && !isText,
    };
    const context = {
      functionName: found.route.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${found.route.functionName}`,
      memoryLimitInMB: '512',
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${found.route.functionName}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } as Context;

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), timeoutSeconds * 1000);
    });
    try {
      const handler = await loadHandler(found.route);
      const result = await Promise.race([handler(event, context), timedOut]);
      if (result === 'timeout') {
        send(res, 503, json, JSON.stringify({ message: 'Service Unavailable' }));
        return;
      }
      const body = result.body ?? '';
      const out: Record<string, string> = { ...corsHeaders(origin) };
      for (const [name, value] of Object.entries(result.headers ?? {})) out[name.toLowerCase()] = String(value);
      send(res, result.statusCode ?? 200, out, result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
    } catch (err) {
      // A function that throws is an integration failure: HTTP API answers 500 with its own body.
      console.error(`[gateway] ${found.route.functionName} failed:`, err);
      send(res, 500, json, JSON.stringify({ message: 'Internal Server Error' }));
    } finally {
      clearTimeout(timer);
    }
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A page served from this machine (the H5 app on any port, as the tests serve it): allowed locally. */
function isLoopbackOrigin(origin: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);
}
