import { z } from 'zod';
import type { MoveResult } from '../domain/ports';
import { config } from '../shared/config';
import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { ledgerEntryView } from '../me/views';
import { grantFlowers } from './grant';

const body = z.object({ flowers: z.number().int().min(1).max(config().rules.devGrant.maxFlowersPerGrant) });

const present = (move: MoveResult) => ({ entry: ledgerEntryView(move.entry), balance: move.account.balance });

/** POST /dev/grants — local and test stages only (like /auth/dev): credits the caller. */
export const handler = httpRoute({
  auth: 'required',
  localStagesOnly: true,
  idempotent: true,
  successStatus: 201,
  body,
  handle: async ({ caller, body, completeWith }) =>
    present(await grantFlowers(await coreDeps(), { userId: caller.userId, flowers: body.flowers }, completeWith(present))),
});
