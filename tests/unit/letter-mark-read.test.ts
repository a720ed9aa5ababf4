import { letterboxHint, markReadIfInLetterbox, type LetterboxAccess } from '../../app/letters/read/mark-read';

/** A letterbox holding the given letters, counting the read calls it gets. */
function letterbox(items: { id: string; read: boolean }[], signedIn = true) {
  const marked: string[] = [];
  const access: LetterboxAccess = {
    signedIn: () => signedIn,
    newestLetterbox: async () => ({ items: items.map(({ id, read }) => ({ letter: { id }, read })) }),
    markRead: async (letterId) => {
      marked.push(letterId);
    },
  };
  return { access, marked };
}

describe('opening a letter marks it read only in its reader’s letterbox', () => {
  it('a non-supporter opening a public letter sends no read call', async () => {
    // Arrange: a letterbox without this letter
    const { access, marked } = letterbox([{ id: 'other-letter', read: false }]);
    // Act
    const sent = await markReadIfInLetterbox('public-letter', letterboxHint(undefined), access);
    // Assert
    expect([sent, marked]).toEqual([false, []]);
  });

  it('a signed-out reader sends no read call', async () => {
    const { access, marked } = letterbox([{ id: 'letter-1', read: false }], false);
    const sent = await markReadIfInLetterbox('letter-1', null, access);
    expect([sent, marked]).toEqual([false, []]);
  });

  it('a donor opening an unread letter of their letterbox from a dream marks it read', async () => {
    const { access, marked } = letterbox([{ id: 'letter-1', read: false }]);
    const sent = await markReadIfInLetterbox('letter-1', null, access);
    expect([sent, marked]).toEqual([true, ['letter-1']]);
  });

  it('a letter already read is not marked again', async () => {
    const { access, marked } = letterbox([{ id: 'letter-1', read: true }]);
    expect(await markReadIfInLetterbox('letter-1', null, access)).toBe(false);
    expect(await markReadIfInLetterbox('letter-1', letterboxHint('read'), access)).toBe(false);
    expect(marked).toEqual([]);
  });

  it('the letterbox’s own unread link marks it without looking it up', async () => {
    // Arrange: the lookup would not find it, so only the hint can send the call
    const { access, marked } = letterbox([]);
    // Act
    const sent = await markReadIfInLetterbox('letter-1', letterboxHint('unread'), access);
    // Assert
    expect([sent, marked]).toEqual([true, ['letter-1']]);
  });
});
