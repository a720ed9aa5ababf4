import { totalsOf, type DreamRecord, type DreamTotals } from '../domain/dream';
import type { DreamReads } from '../domain/dream-ports';

/** Each dream's figures as people see them: its shards (briefly cached) and its own extras, summed. */
export async function dreamTotals(dreams: Pick<DreamReads, 'shardsOf'>, records: DreamRecord[], now: Date): Promise<Map<string, DreamTotals>> {
  const shards = await dreams.shardsOf(records);
  return new Map(records.map((d) => [d.id, totalsOf(d, shards.get(d.id) ?? [], now)]));
}
