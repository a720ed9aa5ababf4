import { createJsonLogger } from '../../functions/shared/json-logger';

/** What the logger writes to each stream while `act` runs, one parsed JSON line each. */
function written(act: () => void): { stdout: Record<string, unknown>[]; stderr: Record<string, unknown>[] } {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const spies = (['stdout', 'stderr'] as const).map((name) =>
    jest.spyOn(process[name], 'write').mockImplementation((chunk: string | Uint8Array) => (chunks[name].push(String(chunk)), true)),
  );
  try {
    act();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stdout: parse(chunks.stdout), stderr: parse(chunks.stderr) };
}

describe('the structured logger', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('writes one JSON line with level, message, time, service, trace id, then the attributes', () => {
    // Arrange
    const logger = createJsonLogger('little-red-flower', { _X_AMZN_TRACE_ID: 'Root=1-abc-def;Parent=1;Sampled=1' });

    // Act
    const lines = written(() => logger.info('request served', { requestId: 'r-1', status: 200 }));

    // Assert
    expect(lines.stdout).toEqual([
      {
        level: 'INFO',
        message: 'request served',
        timestamp: '2026-03-01T08:00:00.000Z',
        service: 'little-red-flower',
        xray_trace_id: '1-abc-def',
        requestId: 'r-1',
        status: 200,
      },
    ]);
    expect(lines.stderr).toEqual([]);
  });

  it('writes an error with its cause as data, on stderr', () => {
    // Arrange
    const logger = createJsonLogger('little-red-flower', {});
    const upstream = Object.assign(new Error('ProvisionedThroughputExceeded'), { name: 'ThrottlingError', code: 'Throttled' });
    const failure = new Error('request failed', { cause: upstream });

    // Act
    const lines = written(() => logger.error('request failed', { requestId: 'r-2', error: failure }));

    // Assert
    expect(lines.stdout).toEqual([]);
    expect(lines.stderr).toHaveLength(1);
    expect(lines.stderr[0]).toMatchObject({
      level: 'ERROR',
      requestId: 'r-2',
      error: {
        name: 'Error',
        message: 'request failed',
        location: expect.stringContaining('json-logger.test.ts'),
        cause: { name: 'ThrottlingError', message: 'ProvisionedThroughputExceeded', code: 'Throttled' },
      },
    });
  });

  it('drops lines below the configured level, and writes a value that contains itself once', () => {
    // Arrange
    const logger = createJsonLogger('little-red-flower', { POWERTOOLS_LOG_LEVEL: 'WARN' });
    const loop: Record<string, unknown> = { id: 'a' };
    loop.self = loop;

    // Act
    const lines = written(() => {
      logger.debug('noise');
      logger.info('request served');
      logger.warn('order query failed', { loop, big: BigInt(7) });
    });

    // Assert
    expect(lines.stdout).toEqual([]);
    expect(lines.stderr).toEqual([expect.objectContaining({ level: 'WARN', message: 'order query failed', loop: { id: 'a' }, big: '7' })]);
  });
});
