/** Key builders for sponsors (益行家) and the money they match. */
export const sponsorKeys = {
  profile: (sponsorId: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: 'PROFILE' }),
  listing: (createdAt: string, sponsorId: string) => ({ GSI1PK: 'SPONSORS', GSI1SK: `${createdAt}#${sponsorId}` }),
  /** One entry per matched donation: the sponsor's side of the books. */
  match: (sponsorId: string, matchId: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: `MATCH#${matchId}` }),
};
