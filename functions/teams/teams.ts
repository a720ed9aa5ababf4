import { acceptsGifts, dreamNotAccepting } from '../domain/dream';
import type { DreamReads } from '../domain/dream-ports';
import { NotFoundError } from '../domain/errors';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Rules } from '../shared/config';
import type { Team, TeamRepository } from '../domain/team';
import { dreamTotals } from '../dreams/totals';
import { dreamView } from '../dreams/views';
import { checkPublicText, mayReadHeld, queueIfHeld, SCENE, type HeldTextDeps } from '../domain/content-safety';

export interface TeamDeps extends HeldTextDeps {
  users: UserRepository;
  dreams: DreamReads;
  teams: TeamRepository;
  quotas: Quotas;
  clock: Clock;
  config: { rules: Pick<Rules, 'quotas'> };
}

const teamView = (team: Team) => ({
  id: team.id,
  dreamId: team.dreamId,
  name: team.name,
  code: team.code,
  captainId: team.captainId,
  createdAt: team.createdAt,
  ...(team.held ? { held: true } : {}),
});

async function publicDream(deps: TeamDeps, dreamId: string) {
  const dream = await deps.dreams.get(dreamId);
  if (!dream || dream.status === 'in_review' || dream.status === 'rejected') throw new NotFoundError('梦想不存在');
  return dream;
}

async function openDream(deps: TeamDeps, dreamId: string) {
  const dream = await publicDream(deps, dreamId);
  if (!acceptsGifts(dream.status)) throw dreamNotAccepting();
  return dream;
}

/** 一起捐: start a team for a dream; the starter is its first member. */
export async function startTeam(deps: TeamDeps, userId: string, dreamId: string, name: string) {
  const dream = await publicDream(deps, dreamId);
  const me = await deps.users.findById(userId);
  // The contract's order: the text check comes after the 404, before the route's other 409s.
  const verdict = await checkPublicText(deps, { openid: me?.openid ?? '' }, [name], SCENE.forum);
  if (!acceptsGifts(dream.status)) throw dreamNotAccepting();
  await deps.quotas.take(userId, quotaSpecs(deps.config.rules.quotas).teams, deps.clock.now());
  const team = await deps.teams.create({ dreamId, name, captainId: userId, captainNickname: me?.nickname ?? '爱心用户', held: verdict.held });
  await queueIfHeld(deps, verdict, { kind: 'team', targetId: team.id, text: name, writerId: userId });
  return { team: teamView(team) };
}

/** A held team exists for its captain and admins only. */
async function mayReadTeam(deps: TeamDeps, team: Team, callerId: string | null): Promise<boolean> {
  if (!team.held) return true;
  const caller = callerId ? await deps.users.findById(callerId) : null;
  return mayReadHeld(team, team.captainId, caller ? { userId: caller.id, isAdmin: caller.roles.includes('admin') } : null);
}

export async function joinTeam(deps: TeamDeps, userId: string, code: string) {
  // Every attempt counts, so share codes cannot be guessed by trying them in bulk.
  await deps.quotas.take(userId, quotaSpecs(deps.config.rules.quotas).teamJoins, deps.clock.now());
  const team = await deps.teams.findByCode(code);
  if (!team || (team.held && team.captainId !== userId)) throw new NotFoundError('队伍口令不存在');
  await openDream(deps, team.dreamId);
  const me = await deps.users.findById(userId);
  await deps.teams.join(team, userId, me?.nickname ?? '爱心用户');
  return { team: teamView(team) };
}

/** The team page: its dream, total and members ranked by what they gave through the team. */
export async function getTeam(deps: TeamDeps, teamId: string, callerId: string | null = null) {
  const team = await deps.teams.get(teamId);
  if (!team || !(await mayReadTeam(deps, team, callerId))) throw new NotFoundError('队伍不存在');
  const [dream, members] = await Promise.all([deps.dreams.get(team.dreamId), deps.teams.members(teamId)]);
  if (!dream) throw new NotFoundError('梦想不存在');
  const totals = (await dreamTotals(deps.dreams, [dream], deps.clock.now())).get(dream.id)!;
  const ranked = [...members].sort((a, b) => b.flowers - a.flowers || (a.joinedAt < b.joinedAt ? -1 : 1));
  return {
    team: teamView(team),
    dream: dreamView(dream, totals),
    totalFlowers: members.reduce((sum, m) => sum + m.flowers, 0),
    members: ranked.map((m, i) => ({ rank: i + 1, userId: m.userId, nickname: m.nickname, flowers: m.flowers })),
  };
}
