import { fromUtf8 } from '../../../functions/domain/log-encoding';
import { parseEntry, type LogEntry, type LogEntryKind } from '../../../functions/domain/log-entries';

/**
 * The fields each entry kind may carry. Anything else could be personal (a name, a phone, an
 * openid), so an unknown field is a finding: people appear only as a commitment.
 */
const FIELDS: Record<LogEntryKind, string[]> = {
  dream_gift: ['dream', 'flowers', 'donor'],
  meal_donation: ['store', 'meals', 'amountFen', 'donor'],
  meal_redemption: ['store', 'donation'],
  statement: ['dream', 'periodStart', 'periodEnd', 'openingFen', 'closingFen', 'lines'],
  signoff: ['distribution', 'quantity', 'recipient'],
};
const COMMON = ['v', 'kind', 'ref', 'at'];
/** A commitment is an HMAC-SHA256 in hex. */
const COMMITMENT = /^[0-9a-f]{64}$/;

export interface LogTotals {
  /** Flowers given to each dream (`dream_gift`). */
  dreamFlowers: Map<string, number>;
  /** Meals paid at each store (`meal_donation`) less meals eaten there (`meal_redemption`). */
  storeMeals: Map<string, number>;
}

/** Checks every entry parses and names nobody but by commitment; adds up dreams' flowers and stores' meals. */
export function checkEntries(entries: Uint8Array[]): { totals: LogTotals; findings: string[] } {
  const findings: string[] = [];
  const totals: LogTotals = { dreamFlowers: new Map(), storeMeals: new Map() };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  entries.forEach((bytes, index) => {
    const entry = parseEntry(fromUtf8(bytes));
    if (!entry) {
      findings.push(`entry #${index}: not a log entry (unparsable, unknown kind or not canonical JSON)`);
      return;
    }
    const extra = Object.keys(entry).filter((field) => !COMMON.includes(field) && !FIELDS[entry.kind].includes(field));
    if (extra.length > 0) findings.push(`entry #${index}: ${entry.kind} carries field(s) ${extra.join(', ')} beyond the commitment`);
    const person = personField(entry);
    if (person !== undefined && !COMMITMENT.test(String(person)))
      findings.push(`entry #${index}: ${entry.kind} names a person by something other than a commitment`);
    if (entry.kind === 'dream_gift') add(totals.dreamFlowers, entry.dream, entry.flowers);
    if (entry.kind === 'meal_donation') add(totals.storeMeals, entry.store, entry.meals);
    if (entry.kind === 'meal_redemption') add(totals.storeMeals, entry.store, -1);
  });
  return { totals, findings };
}

function personField(entry: LogEntry): unknown {
  if (entry.kind === 'dream_gift' || entry.kind === 'meal_donation') return entry.donor;
  if (entry.kind === 'signoff') return entry.recipient;
  return undefined;
}
