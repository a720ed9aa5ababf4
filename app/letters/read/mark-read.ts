/** Where the reading page was opened from, as the letterbox says it (absent: a link, a dream's timeline, a message). */
export type LetterboxHint = 'unread' | 'read' | null

export interface LetterboxAccess {
  signedIn: () => boolean
  /** The newest letters of this person's letterbox (an unread letter is a recent one). */
  newestLetterbox: () => Promise<{ items: { letter: { id: string }; read: boolean }[] }>
  markRead: (letterId: string) => Promise<unknown>
}

/** The `box` query value the letterbox passes to the reading page. */
export function letterboxHint(value: string | undefined): LetterboxHint {
  return value === 'unread' || value === 'read' ? value : null
}

/**
 * Marks a letter read only when it is an unread letter of this person's letterbox. Anyone may open
 * a published letter (a dream's timeline, a shared link), but only its dream's donors have it in
 * their letterbox: for everyone else the read call could only answer 404. Resolves whether it was sent.
 */
export async function markReadIfInLetterbox(letterId: string, hint: LetterboxHint, access: LetterboxAccess): Promise<boolean> {
  if (hint === 'read') return false
  if (hint === null) {
    if (!access.signedIn()) return false
    const { items } = await access.newestLetterbox()
    const mine = items.find((item) => item.letter.id === letterId)
    if (!mine || mine.read) return false
  }
  await access.markRead(letterId)
  return true
}
