/** Key builders for users: profile, flower account, WeChat session and the openid uniqueness item. */
export const userKeys = {
  profile: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  account: (userId: string) => ({ PK: `USER#${userId}`, SK: 'ACCOUNT' }),
  /** Kept apart from the profile so no read path that serves a client ever loads the session_key. */
  wechatSession: (userId: string) => ({ PK: `USER#${userId}`, SK: 'WECHAT_SESSION' }),
  openid: (openid: string) => ({ PK: `OPENID#${openid}`, SK: 'OPENID' }),
  /** A per-user marker that a once-only action (a day's steps, a quiz answer) already happened. */
  marker: (userId: string, markerId: string) => ({ PK: `USER#${userId}`, SK: `MARK#${markerId}` }),
};
