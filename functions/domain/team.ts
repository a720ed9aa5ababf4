/** 一起捐: a team gives to one dream; members' gifts through it add up on their member items. */
export interface Team {
  id: string;
  dreamId: string;
  name: string;
  code: string;
  captainId: string;
  createdAt: string;
  /** Held for an admin: its text is seen by nobody but its writer and admins until cleared. */
  held?: boolean;
}

export interface TeamMember {
  userId: string;
  nickname: string;
  flowers: number;
  joinedAt: string;
}

export interface TeamRepository {
  /** A new team with a fresh share code; its captain is its first member. */
  create(input: { dreamId: string; name: string; captainId: string; captainNickname: string; held?: boolean }): Promise<Team>;
  get(teamId: string): Promise<Team | null>;
  findByCode(code: string): Promise<Team | null>;
  /** Joining twice is joining once. */
  join(team: Team, userId: string, nickname: string): Promise<void>;
  isMember(teamId: string, userId: string, dreamId: string): Promise<boolean>;
  members(teamId: string): Promise<TeamMember[]>;
}
