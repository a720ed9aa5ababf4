/** Key builders for sponsors (益行家): the profile, its budget shards and the money they matched. */
export const sponsorKeys = {
  profile: (sponsorId: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: 'PROFILE' }),
  listing: (createdAt: string, sponsorId: string) => ({ GSI1PK: 'SPONSORS', GSI1SK: `${createdAt}#${sponsorId}` }),
  /** Each budget shard is its own partition: every matched step donation writes one of them. */
  shard: (sponsorId: string, index: number) => ({ PK: `SPONSOR#${sponsorId}#S${index}`, SK: 'BUDGET' }),
  /** One entry per matched donation, beside the shard it was paid from: the sponsor's books. */
  match: (sponsorId: string, index: number, matchId: string) => ({ PK: `SPONSOR#${sponsorId}#S${index}`, SK: `MATCH#${matchId}` }),
};
