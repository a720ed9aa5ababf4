import { advanceChunk, dreamExecutableMessage, firstChunks, progressOf, type FanoutJob } from '../../functions/domain/fanout';
import { Pacer } from '../../functions/domain/pacer';
import { backoffMs, classifySendFailure, fitThing, templateData, wechatTime } from '../../functions/domain/subscription';

const NOW = new Date('2026-09-07T02:30:00.000Z');
const job: FanoutJob = {
  id: 'dream_executable-d1',
  kind: 'dream_executable',
  refId: 'd1',
  dreamId: 'd1',
  shards: 3,
  expected: 250,
  message: dreamExecutableMessage({ id: 'd1', title: '山区图书室', targetFlowers: 1_000, executableAt: NOW.toISOString() }),
  createdAt: NOW.toISOString(),
};

describe('fan-out chunks and progress', () => {
  it('starts one chunk per shard at seq 0 with nothing told', () => {
    const chunks = firstChunks(job, NOW);
    expect(chunks.map((c) => [c.shard, c.seq, c.cursor, c.done, c.told])).toEqual([
      [0, 0, null, false, 0],
      [1, 0, null, false, 0],
      [2, 0, null, false, 0],
    ]);
  });

  it('advances a chunk by one page: seq up, cursor moved, counts added, done on the last page', () => {
    const [chunk] = firstChunks(job, NOW);
    const middle = advanceChunk(chunk, { next: 'u-100', counts: { told: 98, already: 2, sent: 5, refused: 1, failed: 0 } }, NOW);
    const last = advanceChunk(middle, { next: null, counts: { told: 10, already: 0, sent: 0, refused: 0, failed: 1 } }, NOW);
    expect(middle).toMatchObject({ seq: 1, cursor: 'u-100', done: false, told: 98, already: 2, sent: 5, refused: 1 });
    expect(last).toMatchObject({ seq: 2, cursor: null, done: true, told: 108, already: 2, failed: 1 });
  });

  it('reports told, left and done from the chunks; finished only when every chunk is', () => {
    const chunks = firstChunks(job, NOW);
    const finished = advanceChunk(
      chunks[0],
      { next: null, counts: { told: 100, already: 0, sent: 0, refused: 0, failed: 0 } },
      new Date('2026-09-07T02:31:00Z'),
    );
    const half = progressOf(job, [finished, chunks[1], chunks[2]]);
    expect(half).toMatchObject({ subject: '山区图书室', told: 100, left: 150, chunksDone: 1, done: false, finishedAt: null });
    const all = [
      finished,
      ...chunks.slice(1).map((c) => advanceChunk(c, { next: null, counts: { told: 70, already: 5, sent: 0, refused: 0, failed: 0 } }, NOW)),
    ];
    expect(progressOf(job, all)).toMatchObject({ told: 240, already: 10, left: 0, chunksDone: 3, done: true, finishedAt: '2026-09-07T02:31:00.000Z' });
  });

  it('never reports a negative "left" when late donors made the audience grow', () => {
    const chunks = firstChunks(job, NOW).map((c) => advanceChunk(c, { next: null, counts: { told: 90, already: 0, sent: 0, refused: 0, failed: 0 } }, NOW));
    expect(progressOf(job, chunks).left).toBe(0);
  });

  it('the dream_executable message names the dream, opens its page and pays with its own topic', () => {
    expect(job.message).toMatchObject({ type: 'dream_executable', refId: 'd1', topic: 'dream_executable', page: 'pages/dream-detail/index?id=d1' });
    expect(job.message.body).toContain('山区图书室');
  });
});

describe('subscribe messages', () => {
  it('cuts template text to WeChat’s 20 characters of `thing`, counting code points', () => {
    expect(fitThing('山区图书室')).toBe('山区图书室');
    const long = '为山区小学的孩子们建一间温暖明亮的图书室并配齐新书';
    expect([...fitThing(long)]).toHaveLength(20);
    expect(fitThing(long).endsWith('…')).toBe(true);
    expect([...fitThing('😀'.repeat(25))]).toHaveLength(20);
  });

  it('writes times as WeChat shows them, in Asia/Shanghai', () => {
    expect(wechatTime('2026-09-07T16:05:00.000Z', 'Asia/Shanghai')).toBe('2026年09月08日 00:05');
    expect(wechatTime('', 'Asia/Shanghai')).toBe('');
  });

  it('maps the meanings to the template’s own keys', () => {
    const data = templateData(
      { title: '山区图书室', note: '已达成', time: '2026-09-07T02:30:00.000Z' },
      { title: 'thing1', note: 'thing4', time: 'date2' },
      'Asia/Shanghai',
    );
    expect(data).toEqual({ thing1: { value: '山区图书室' }, thing4: { value: '已达成' }, date2: { value: '2026年09月07日 10:30' } });
  });

  it('43101 is final; every other failure is retried on the schedule, then given up', () => {
    expect(classifySendFailure(43101)).toBe('final');
    expect(classifySendFailure(40001)).toBe('retry');
    expect(classifySendFailure(-1)).toBe('retry');
    expect(classifySendFailure(null)).toBe('retry');
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, [200, 1000, 4000]))).toEqual([200, 1000, 4000, null]);
  });
});

describe('the pacer', () => {
  it('spaces calls 1000/perSecond ms apart and waits only for the slots in the future', async () => {
    let now = 1_000;
    const waits: number[] = [];
    const pacer = new Pacer(
      50,
      () => now,
      async (ms) => void waits.push(ms),
    );
    await pacer.take();
    await pacer.take();
    await pacer.take();
    now += 100;
    await pacer.take();
    expect(waits).toEqual([20, 40]);
  });
});
