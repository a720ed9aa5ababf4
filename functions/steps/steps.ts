import type { PlannedMatch, SponsorRepository, StepsRepository } from '../domain/steps';
import { dayOf } from '../domain/calendar';
import { withShardSpend } from '../domain/sponsor-budget';
import type { IdempotentCompletion } from '../domain/idempotency';
import type { Clock, MoveResult, UserRepository } from '../domain/ports';
import { alreadyDonatedError, assertPlausibleSteps, flowersForSteps, sponsorMatchFen, type Sponsor } from '../domain/steps';
import type { AppConfig } from '../shared/config';
import type { StepDonationResult, StepsInput } from '../contract/earning';
import type { OpenDataPort } from '../domain/wechat';
import { resolveTodaysSteps } from './werun';

export interface StepsDeps {
  config: AppConfig;
  clock: Clock;
  users: UserRepository;
  steps: StepsRepository;
  sponsors: Pick<SponsorRepository, 'list'>;
  openData: OpenDataPort;
}

const matchView = (match: PlannedMatch | null): StepDonationResult['match'] =>
  match ? { sponsorId: match.sponsor.id, sponsorName: match.sponsor.name, logoText: match.sponsor.logoText, amountFen: match.amountFen } : null;

/** The first active sponsor with budget left matches, at its rate, within the per-person daily cap. */
function planMatch(config: AppConfig, steps: number) {
  return (sponsors: Sponsor[]): PlannedMatch | null => {
    for (const sponsor of sponsors) {
      const amountFen = sponsorMatchFen(steps, sponsor, config.rules.sponsors.maxMatchFenPerUserPerDay);
      if (amountFen > 0) return { sponsor, amountFen };
    }
    return null;
  };
}

async function todaysSteps(deps: StepsDeps, userId: string, input: StepsInput) {
  const day = dayOf(deps.clock.now(), deps.config.rules.timezone);
  const steps = await resolveTodaysSteps(
    {
      sessionKey: (id) => deps.users.getSessionKey(id),
      openData: deps.openData,
      zone: deps.config.rules.timezone,
      allowPlainSteps: deps.config.isLocalStage,
    },
    userId,
    day,
    input,
  );
  return { day, steps };
}

/** What donating now would give; changes nothing. */
export async function previewStepDonation(deps: StepsDeps, userId: string, input: StepsInput) {
  const { day, steps } = await todaysSteps(deps, userId, input);
  const donatedToday = await deps.steps.hasDonated(userId, day);
  let flowers = 0;
  try {
    flowers = flowersForSteps(steps, deps.config.rules.steps);
  } catch (err) {
    if ((err as { code?: string }).code !== 'NOT_ENOUGH_STEPS') throw err;
  }
  const match = flowers > 0 ? planMatch(deps.config, steps)(await deps.sponsors.list()) : null;
  return { date: day, steps, flowers, donatedToday, match: matchView(match) };
}

export async function donateSteps(
  deps: StepsDeps,
  userId: string,
  input: StepsInput,
  completion?: (present: (move: MoveResult) => StepDonationResult) => IdempotentCompletion<MoveResult> | undefined,
): Promise<StepDonationResult> {
  const { day, steps } = await todaysSteps(deps, userId, input);
  // The contract's refusal order: 400, then ALREADY_DONATED_TODAY, then NOT_ENOUGH_STEPS. The read is a
  // courtesy for that order; the marker in the move's transaction is what enforces once a day.
  assertPlausibleSteps(steps, deps.config.rules.steps);
  if (await deps.steps.hasDonated(userId, day)) throw alreadyDonatedError();
  const flowers = flowersForSteps(steps, deps.config.rules.steps);
  const present = (move: MoveResult, match: PlannedMatch | null): StepDonationResult => ({
    date: day,
    steps,
    flowers,
    balance: move.account.balance,
    match: matchView(match),
  });
  const { move, match } = await deps.steps.donate({
    userId,
    day,
    steps,
    flowers,
    planMatch: withShardSpend(planMatch(deps.config, steps)),
    onConflict: alreadyDonatedError,
    completion: completion && ((currentMatch) => completion((m) => present(m, currentMatch()))),
  });
  return present(move, match);
}

export async function listStepDonations(deps: StepsDeps, userId: string, page: { limit: number; cursor?: string }) {
  return deps.steps.list(userId, page);
}
