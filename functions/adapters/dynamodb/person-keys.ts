/**
 * The person index (GSI3, sparse, keys only): every item outside a person's own partition that
 * holds their data carries `GSI3PK = PERSON#<userId>`, so the export and account closing read one
 * person's items with a query instead of scanning the table. The sort key starts with the item's
 * type, so a reader can pick one kind without loading the item.
 */
const personIndex = (type: string) => (userId: string, ref: string) => ({ GSI3PK: personKeys.partition(userId), GSI3SK: `${type}#${ref}` });

export const personKeys = {
  partition: (userId: string) => `PERSON#${userId}`,
  /** The item type a person-index sort key was written for. */
  typeOf: (sortKey: string) => sortKey.slice(0, sortKey.indexOf('#')),
  dreamDonor: personIndex('DREAM_DONOR'),
  dreamMatch: personIndex('DREAM_MATCH'),
  /** A dream's charity (set when it adopts); its proposer finds it through their own PROPOSED_DREAM pointer. */
  adoptedDream: personIndex('DREAM'),
  team: personIndex('TEAM'),
  teamMember: personIndex('TEAM_MEMBER'),
  letter: personIndex('LETTER'),
  mealLot: personIndex('MEAL_LOT'),
  mealRedemption: personIndex('MEAL_REDEMPTION'),
  mealRefund: personIndex('MEAL_REFUND'),
  lowCarbonAction: personIndex('LOWCARBON_ACTION'),
  sponsorMatch: personIndex('SPONSOR_MATCH'),
  upload: personIndex('UPLOAD'),
  heldText: personIndex('HELD_TEXT'),
  rosterClaim: personIndex('ROSTER_ROW'),
};

/** The person-index keys an item of each kind carries, from its own attributes (what a back-fill writes). */
const INDEXED_BY: Record<string, (item: Record<string, unknown>) => [person: unknown, ref: unknown]> = {
  DREAM_DONOR: (item) => [item.userId, item.dreamId],
  DREAM_MATCH: (item) => [item.userId, item.id],
  DREAM: (item) => [item.charityId, item.id],
  TEAM: (item) => [item.captainId, item.id],
  TEAM_MEMBER: (item) => [item.userId, item.teamId],
  LETTER: (item) => [item.authorId, item.id],
  MEAL_LOT: (item) => [item.donorId, `${String(item.donationId)}#${String(item.lot)}`],
  MEAL_REDEMPTION: (item) => [item.workerId, item.id],
  MEAL_REFUND: (item) => [item.donorId, item.id],
  LOWCARBON_ACTION: (item) => [item.userId, item.id],
  SPONSOR_MATCH: (item) => [item.userId, String(item.SK).slice(String(item.SK).indexOf('#') + 1)],
  UPLOAD: (item) => [item.ownerId, item.id],
  HELD_TEXT: (item) => [item.writerId, item.id],
  ROSTER_ROW: (item) => [item.claimedBy, `${String(item.employer)}#${String(item.employeeNumber)}`],
};

export const PERSON_INDEXED_TYPES = Object.keys(INDEXED_BY);

/** The keys this item should carry in the person index; null when it names nobody (an unadopted dream, an unclaimed row). */
export function personIndexFor(item: Record<string, unknown>): { GSI3PK: string; GSI3SK: string } | null {
  const of = INDEXED_BY[String(item.type)];
  if (!of) return null;
  const [person, ref] = of(item);
  return typeof person === 'string' && person ? { GSI3PK: personKeys.partition(person), GSI3SK: `${String(item.type)}#${String(ref)}` } : null;
}
