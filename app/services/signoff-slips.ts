// The printed slips of a new distribution: one per recipient, with the code (and its QR), the
// masked name, the item and the quantity. The codes exist only in this phone's memory, once.

/** One slip as printed. */
export interface Slip {
  recipientId: string
  code: string
  maskedName: string
  village: string
  item: string
  quantity: number
  unit: string
}

/** The slips of the distribution just created, handed to the slips page in memory, never stored. */
export interface SlipSheet {
  distributionId: string
  dreamId: string
  title: string
  slips: Slip[]
}

/**
 * The name as everyone but the charity sees it: its first code point, then `*` for each of the
 * rest (张三丰 → 张**). Code points, so a name outside the Basic Multilingual Plane is not split.
 */
export function maskName(name: string): string {
  const chars = Array.from(name)
  return chars.length === 0 ? '' : chars[0] + '*'.repeat(chars.length - 1)
}

let pendingSheet: SlipSheet | null = null

/** Keeps the new codes for the slips page to take. */
export function handOverSlips(sheet: SlipSheet): void {
  pendingSheet = sheet
}

/** The slips page takes the codes once; after that they are gone from the phone's memory too. */
export function takeSlips(distributionId: string): SlipSheet | null {
  if (!pendingSheet || pendingSheet.distributionId !== distributionId) return null
  const sheet = pendingSheet
  pendingSheet = null
  return sheet
}

/** The slips of a created distribution, in the order the recipients were given. */
export function slipsFor(
  recipients: { name: string; quantity: number; village?: string }[],
  codes: { recipientId: string; code: string }[],
  item: string,
  unit: string,
): Slip[] {
  return codes.map((entry, index) => {
    const recipient = recipients[index] ?? { name: '', quantity: 0 }
    return {
      recipientId: entry.recipientId,
      code: entry.code,
      maskedName: maskName(recipient.name),
      village: recipient.village ?? '',
      item,
      quantity: recipient.quantity,
      unit,
    }
  })
}
