import type { MoveResult } from '../domain/ports';
import { container } from '../shared/container';
import { httpRoute } from '../shared/http';
import { stepsBody } from './schemas';
import { donateSteps, type StepDonationResult } from './steps';

/** POST /steps/donations */
export const handler = httpRoute({
  auth: 'required',
  idempotent: true,
  body: stepsBody,
  handle: async ({ caller, body, idempotency, render }) =>
    donateSteps(
      await container(),
      caller.userId,
      body,
      idempotency ? (present: (move: MoveResult) => StepDonationResult) => ({ claim: idempotency, render: (move) => render(present(move)) }) : undefined,
    ),
});
