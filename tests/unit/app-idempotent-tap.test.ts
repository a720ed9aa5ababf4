import { createIdempotentTap } from '../../app/hooks/idempotent-tap';

/** A definite answer (a 4xx) or none (a network failure, 5xx), as the app's request layer tells them apart. */
class Answer extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

interface Gift {
  flowers: number;
  note?: string;
}

function giftTap() {
  let keys = 0;
  const tap = createIdempotentTap<Gift>({
    same: (pending, intended) => pending.flowers === intended.flowers,
    newKey: () => `key-${++keys}`,
    isRetryable: (err) => !(err instanceof Answer) || err.status === 0 || err.status >= 500,
  });
  const sent: { key: string; payload: Gift }[] = [];
  /** Sends one gift, answering with `outcome` (a thrown error, or a success); resolves to the key used. */
  const tapOnce = async (intended: Gift, outcome?: Error) => {
    try {
      await tap.run({ payload: intended }, async (attempt) => {
        sent.push(attempt);
        if (outcome) throw outcome;
      });
    } catch (err) {
      if (err !== outcome) throw err;
    }
    return sent[sent.length - 1].key;
  };
  return { tap, sent, tapOnce };
}

describe('one Idempotency-Key per intended action (the app’s give, low-carbon and steps buttons)', () => {
  it('resends the same action under the same key after a network failure or a 5xx', async () => {
    // Arrange
    const { tapOnce } = giftTap();

    // Act
    const first = await tapOnce({ flowers: 5 }, new Error('network down'));
    const second = await tapOnce({ flowers: 5 }, new Answer(503));
    const third = await tapOnce({ flowers: 5 });

    // Assert
    expect([first, second, third]).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('resends the payload as first sent, even when fields outside the action changed since', async () => {
    // Arrange
    const { sent, tapOnce } = giftTap();

    // Act
    await tapOnce({ flowers: 5, note: 'as first shown' }, new Error('timeout'));
    await tapOnce({ flowers: 5, note: 'shown after a refresh' });

    // Assert
    expect(sent[1]).toEqual({ key: 'key-1', payload: { flowers: 5, note: 'as first shown' } });
  });

  it('renews the key after a success and after a 4xx: the next tap is a new action', async () => {
    // Arrange
    const { tapOnce } = giftTap();

    // Act
    const done = await tapOnce({ flowers: 5 });
    const afterSuccess = await tapOnce({ flowers: 5 }, new Answer(409));
    const afterRefusal = await tapOnce({ flowers: 5 });

    // Assert
    expect([done, afterSuccess, afterRefusal]).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('gives another action its own key, and forgets the unanswered one', async () => {
    // Arrange
    const { tapOnce } = giftTap();

    // Act
    const five = await tapOnce({ flowers: 5 }, new Error('network down'));
    const ten = await tapOnce({ flowers: 10 }, new Error('network down'));
    const fiveAgain = await tapOnce({ flowers: 5 });

    // Assert
    expect([five, ten, fiveAgain]).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('reads a payload on demand only when nothing is pending, and resends a pending one unread', async () => {
    // Arrange
    const { tap } = giftTap();
    const reads: number[] = [];
    const read = async () => {
      reads.push(reads.length + 1);
      return { flowers: 100 * reads.length };
    };
    const attempts: { key: string; payload: Gift }[] = [];
    const send = (fail?: Error) => (attempt: { key: string; payload: Gift }) => {
      attempts.push(attempt);
      return fail ? Promise.reject(fail) : Promise.resolve();
    };

    // Act
    await tap.run({ read }, send(new Error('network down'))).catch(() => undefined);
    await tap.run({ read }, send());
    await tap.run({ read }, send());

    // Assert
    expect(reads).toEqual([1, 2]);
    expect(attempts).toEqual([
      { key: 'key-1', payload: { flowers: 100 } },
      { key: 'key-1', payload: { flowers: 100 } },
      { key: 'key-2', payload: { flowers: 200 } },
    ]);
  });

  it('leaves what was pending alone when reading the payload fails, and passes the failure on', async () => {
    // Arrange
    const { tap } = giftTap();
    const denied = new Error('WERUN_DENIED');

    // Act
    const failure = await tap.run({ read: () => Promise.reject(denied) }, () => Promise.resolve()).catch((err) => err);
    const keys: string[] = [];
    await tap.run({ read: async () => ({ flowers: 1 }) }, async ({ key }) => void keys.push(key));

    // Assert
    expect(failure).toBe(denied);
    expect(keys).toEqual(['key-1']);
  });
});
