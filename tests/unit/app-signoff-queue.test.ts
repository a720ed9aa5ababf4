import { SignoffQueue, type QueuedSignoff, type QueueStorage, type SendOne } from '../../app/services/signoff-queue';

/** WeChat's storage as the queue sees it: strings by key, surviving as long as the Map does. */
function fakeStorage(): QueueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (key) => map.get(key), set: (key, value) => void map.set(key, value), remove: (key) => void map.delete(key) };
}

function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const SIGNED_AT = '2026-12-03T08:00:00.000Z';
const signoff = (code: string, key: string) => ({ distributionId: 'D1', code, signedAt: SIGNED_AT, idempotencyKey: key });

describe('the phone’s queue of sign-offs', () => {
  it('keeps a sign-off made offline across a restart and sends it once, with its own key and its signing time', async () => {
    // Arrange: signed offline, then the app restarts (a new queue over the same storage).
    const storage = fakeStorage();
    new SignoffQueue(storage, counter('a')).add({ ...signoff('K7QM-2XPD-RT9', 'key-1'), photoPath: 'wxfile://saved/1.jpg' });
    const restarted = new SignoffQueue(storage, counter('b'));
    const sent: QueuedSignoff[] = [];
    const send: SendOne = async (record) => {
      sent.push(record);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { kind: 'sent' };
    };

    // Act: the network comes back while the page shows, both flush at once.
    const before = restarted.pendingCount('D1');
    await Promise.all([restarted.flush(send), restarted.flush(send)]);
    await restarted.flush(send);

    // Assert
    expect(before).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ code: 'K7QM-2XPD-RT9', idempotencyKey: 'key-1', signedAt: SIGNED_AT, photoPath: 'wxfile://saved/1.jpg' });
    expect(restarted.pendingCount()).toBe(0);
    expect([...storage.map.keys()]).toEqual(['lrf_signoff_queue']);
  });

  it('stores small records: an index and one key per sign-off, never the photo itself', () => {
    // Arrange
    const storage = fakeStorage();
    const queue = new SignoffQueue(storage, counter('r'));

    // Act
    queue.add({ ...signoff('AAAA-BBBB-CCC', 'k1'), photoPath: 'wxfile://saved/1.jpg' });
    queue.add(signoff('DDDD-EEEE-FFF', 'k2'));

    // Assert
    expect(JSON.parse(storage.map.get('lrf_signoff_queue')!)).toEqual(['r1', 'r2']);
    expect(storage.map.has('lrf_signoff_q_r1')).toBe(true);
    for (const value of storage.map.values()) expect(value.length).toBeLessThan(1_000);
  });

  it('marks a refused sign-off with the reason and never sends it again; a network failure stays pending and goes next time', async () => {
    // Arrange
    const queue = new SignoffQueue(fakeStorage(), counter('q'));
    const used = queue.add(signoff('USED-USED-USE', 'k-used'));
    const later = queue.add(signoff('LATE-LATE-LAT', 'k-late'));
    const attempts: string[] = [];
    let networkUp = false;
    const send: SendOne = async (record) => {
      attempts.push(record.idempotencyKey);
      if (record.id === used.id) return { kind: 'refused', code: 'CODE_ALREADY_USED', message: '这张签收码已经签收过了' };
      if (!networkUp) throw new Error('offline');
      return { kind: 'sent' };
    };

    // Act
    const first = await queue.flush(send);
    networkUp = true;
    const second = await queue.flush(send);

    // Assert
    expect(first).toEqual({ sent: [], refused: [used.id], kept: [later.id] });
    expect(second).toEqual({ sent: [later.id], refused: [], kept: [] });
    expect(attempts).toEqual(['k-used', 'k-late', 'k-late']);
    expect(queue.list()).toEqual([
      expect.objectContaining({ id: used.id, state: 'refused', refusal: { code: 'CODE_ALREADY_USED', message: '这张签收码已经签收过了' } }),
    ]);
    expect(queue.pendingCount()).toBe(0);
  });

  it('remembers an uploaded photo, so a retry after a lost answer does not upload it again', async () => {
    // Arrange
    const queue = new SignoffQueue(fakeStorage(), counter('p'));
    queue.add({ ...signoff('PHOT-OPHO-TOP', 'k-photo'), photoPath: 'wxfile://saved/2.jpg' });
    let uploads = 0;
    let answers = 0;
    const send: SendOne = async (record, saveProgress) => {
      if (!record.photoId) {
        uploads++;
        saveProgress({ photoId: 'upload-1' });
      }
      if (++answers === 1) return { kind: 'retry' };
      return { kind: 'sent' };
    };

    // Act
    await queue.flush(send);
    const kept = queue.list()[0];
    await queue.flush(send);

    // Assert
    expect(kept.photoId).toBe('upload-1');
    expect(uploads).toBe(1);
    expect(queue.list()).toEqual([]);
  });
});
