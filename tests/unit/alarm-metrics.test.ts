import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { settleRefund } from '../../functions/meals/windup';
import type { RefundRecord } from '../../functions/domain/store-windup';
import { streamHandler } from '../../functions/shared/stream';

const ROOT = resolve(__dirname, '../..');

interface MetricFilter {
  Type: string;
  Properties: { LogGroupName: { Ref: string }; FilterPattern: string; MetricTransformations: { MetricName: string }[] };
}
const resources = (
  yaml.load(readFileSync(resolve(ROOT, 'serverless.yml'), 'utf8')) as {
    resources: { Resources: Record<string, MetricFilter & { Properties: Record<string, unknown> }> };
  }
).resources.Resources;
const filters = Object.values(resources).filter((resource) => resource.Type === 'AWS::Logs::MetricFilter');
const alarmedMetrics = new Set(Object.values(resources).map((resource) => resource.Properties.MetricName as string | undefined));

/** CloudWatch Logs' JSON filter patterns as this stack writes them: `$.field = "value"` (with *), `$.field >= 500`, joined by &&. */
function matches(pattern: string, line: Record<string, unknown>): boolean {
  const body = pattern.trim().replace(/^\{\s*|\s*\}$/g, '');
  return body.split('&&').every((clause) => {
    const [, field, op, raw] = /^\s*\$\.(\w+)\s*(=|>=|>)\s*(.+?)\s*$/.exec(clause)!;
    const value = line[field];
    if (op === '=' && raw.startsWith('"')) {
      const wanted = new RegExp(
        `^${raw
          .slice(1, -1)
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      return typeof value === 'string' && wanted.test(value);
    }
    const number = Number(raw);
    return typeof value === 'number' && (op === '>=' ? value >= number : op === '>' ? value > number : value === number);
  });
}

/** The metrics a log line raises in a log group (the functions' log groups are `<Name>LogGroup`). */
function metricsRaised(functionName: string, line: Record<string, unknown>): string[] {
  const group = `${functionName[0].toUpperCase()}${functionName.slice(1)}LogGroup`;
  return filters
    .filter((filter) => filter.Properties.LogGroupName.Ref === group && matches(filter.Properties.FilterPattern, line))
    .flatMap((filter) => filter.Properties.MetricTransformations.map((t) => t.MetricName));
}

/** The structured lines the logger writes while `act` runs. */
async function logLines(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true)),
  );
  try {
    await act();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe('the alarms that tell an operator money or messages are stuck', () => {
  const record = { eventID: '1', eventName: 'INSERT', dynamodb: { SequenceNumber: '100', NewImage: { type: { S: 'X' } } } };
  const event = { Records: [record] } as unknown as DynamoDBStreamEvent;

  it.each(['eventDispatcher', 'photoChecker', 'windupWorker', 'fanoutWorker'])(
    '%s: a failed record raises its failures metric, which an alarm watches',
    async (consumer) => {
      // Arrange: a consumer whose use case fails on the record
      const handler = streamHandler(consumer, async () => {
        throw new Error('WeChat answered 500');
      });
      // Act
      const lines = await logLines(() => handler(event, { awsRequestId: 'r-1' } as Context));
      // Assert
      const raised = lines.flatMap((line) => metricsRaised(consumer, line));
      expect(raised).toEqual([`StreamFailures-${consumer}`]);
      expect(alarmedMetrics.has(`StreamFailures-${consumer}`)).toBe(true);
    },
  );

  it('a batch that succeeds raises no failure metric', async () => {
    const handler = streamHandler('eventDispatcher', async () => undefined);
    const lines = await logLines(() => handler(event, { awsRequestId: 'r-2' } as Context));
    expect(lines.flatMap((line) => metricsRaised('eventDispatcher', line))).toEqual([]);
  });

  it.each(['windupWorker', 'paymentNotify'])("a refund WeChat Pay could not make raises the refund-failed metric (%s's log)", async (fn) => {
    // Arrange
    const refund: RefundRecord = {
      id: 'd1-1',
      donationId: 'd1',
      storeId: 's1',
      storeName: '爱心面馆',
      donorId: 'u1',
      meals: 2,
      amountFen: 3000,
      totalFen: 3000,
      status: 'processing',
      requestedAt: '2026-12-01T00:00:00.000Z',
      settledAt: null,
      wechatRefundId: null,
    };
    const windup = { getRefund: async () => refund, settleRefund: async () => true };
    const clock = { now: () => new Date('2026-12-02T00:00:00.000Z') };
    // Act
    const lines = await logLines(() =>
      settleRefund({ clock, windup }, { outTradeNo: 'd1', outRefundNo: 'd1-1', refundId: 'w1', status: 'ABNORMAL', refundFen: 3000 }),
    );
    // Assert
    expect(lines.flatMap((line) => metricsRaised(fn, line))).toEqual(['RefundFailures']);
    expect(alarmedMetrics.has('RefundFailures')).toBe(true);
  });

  it('a refund that succeeds raises nothing', async () => {
    const refund = { id: 'd1-1', donationId: 'd1', amountFen: 3000, status: 'processing' } as RefundRecord;
    const lines = await logLines(() =>
      settleRefund(
        { clock: { now: () => new Date('2026-12-02T00:00:00.000Z') }, windup: { getRefund: async () => refund, settleRefund: async () => true } },
        { outTradeNo: 'd1', outRefundNo: 'd1-1', refundId: 'w1', status: 'SUCCESS', refundFen: 3000 },
      ),
    );
    expect(lines.flatMap((line) => metricsRaised('windupWorker', line))).toEqual([]);
  });

  it('a payout that fails on the server raises the payout-failed metric', () => {
    const line = { message: 'request failed', method: 'POST', path: '/admin/stores/s1/payouts', status: 500 };
    expect(metricsRaised('storeAdmin', line)).toEqual(['PayoutFailures']);
    expect(metricsRaised('storeAdmin', { ...line, status: 409 })).toEqual([]);
  });
});
