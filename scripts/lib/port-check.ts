import { connect } from 'node:net';
import type { LauncherSettings } from './launcher-settings';
import { StartRefused } from './start-refused';

/** A server `npm start` starts itself, on a port a variable can move. */
export interface PlannedServer {
  name: string;
  port: number;
  variable: string;
  /** A DynamoDB Local on this port is the one this data folder left behind, which the start replaces. */
  leftoverOfThisData?: boolean;
}

/** What answered on a port: nothing (free), a DynamoDB Local, another HTTP server, or a listener that says nothing HTTP. */
export type PortAnswer = { kind: 'free' } | { kind: 'dynamodb-local' } | { kind: 'http'; status: number } | { kind: 'silent' };

/**
 * The servers `npm start` starts on fixed ports, each with the variable that moves it. One given
 * from outside (an endpoint or base URL in the environment) is not started, so its port is not ours.
 */
export function serversToStart(
  settings: LauncherSettings,
  env: NodeJS.ProcessEnv,
  leftoverOfThisData: (port: number) => boolean = () => false,
): PlannedServer[] {
  const given = (name: string) => Boolean(env[name]);
  const dynamo = { name: 'DynamoDB Local', port: settings.dynamoPort, variable: 'DYNAMODB_PORT', leftoverOfThisData: leftoverOfThisData(settings.dynamoPort) };
  return [
    ...(settings.dynamodbEndpoint ? [] : [dynamo]),
    ...(settings.s3Endpoint ? [] : [{ name: 'the S3 emulator', port: settings.s3Port, variable: 'S3_PORT' }]),
    ...(settings.wechat.apiBase ? [] : [{ name: 'the fake WeChat', port: settings.wechatPort, variable: 'FAKE_WECHAT_PORT' }]),
    ...(given('WECHATPAY_API_BASE') ? [] : [{ name: 'the fake WeChat Pay', port: settings.wechatpayPort, variable: 'FAKE_WECHATPAY_PORT' }]),
    { name: 'the API', port: settings.apiPort, variable: 'API_PORT' },
    { name: 'the H5 app', port: settings.h5Port, variable: 'H5_PORT' },
  ];
}

const describeAnswer = (answer: Exclude<PortAnswer, { kind: 'free' }>): string =>
  answer.kind === 'dynamodb-local'
    ? 'another DynamoDB Local'
    : answer.kind === 'http'
      ? `an HTTP server (status ${answer.status})`
      : 'a program that does not answer HTTP';

/**
 * The one line that stops the start, or null when the port is free. Nothing already there is
 * reused: even a DynamoDB Local may hold other data, and seeding into it would change that data.
 */
export function portRefusal(server: PlannedServer, answer: PortAnswer): string | null {
  if (answer.kind === 'free') return null;
  if (answer.kind === 'dynamodb-local' && server.leftoverOfThisData) return null;
  return `Port ${server.port} for ${server.name} is taken by ${describeAnswer(answer)}: stop it, or set ${server.variable} to another port.`;
}

/** DynamoDB Local answers any unsigned request with an AWS-style error carrying this header. */
const AWS_REQUEST_ID = /^x-amzn-requestid:/im;

/**
 * Asks the port what it is: refused → free; an HTTP answer → its status (DynamoDB Local is known by
 * its AWS request id); no HTTP answer within `timeoutMs` → silent. Never waits longer than that.
 */
export function probePort(port: number, options: { host?: string; timeoutMs: number }): Promise<PortAnswer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve) => {
    let received = '';
    const socket = connect({ port, host });
    const finish = (answer: PortAnswer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const fromReceived = (): PortAnswer => {
      const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(received);
      if (!status) return { kind: 'silent' };
      return AWS_REQUEST_ID.test(received) ? { kind: 'dynamodb-local' } : { kind: 'http', status: Number(status[1]) };
    };
    const timer = setTimeout(() => finish(fromReceived()), options.timeoutMs);
    socket.once('connect', () => socket.write(`POST / HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // The headers are all that is needed.
      if (received.includes('\r\n\r\n')) finish(fromReceived());
    });
    socket.once('end', () => finish(fromReceived()));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ECONNREFUSED' ? { kind: 'free' } : fromReceived()));
  });
}

/** Checks every port at once; throws the first refusal as the one line to print. */
export async function checkPorts(
  servers: PlannedServer[],
  probe: (port: number) => Promise<PortAnswer> = (port) => probePort(port, { timeoutMs: 2_000 }),
): Promise<void> {
  const answers = await Promise.all(servers.map((server) => probe(server.port)));
  const refusal = servers.map((server, index) => portRefusal(server, answers[index])).find((line) => line !== null);
  if (refusal) throw new StartRefused(refusal);
}
