import { z } from 'zod';
import { ROLES } from './enums';
import { named, id } from './schema-kit';

/** The contract's error envelope. `details` says which fields failed, where a route gives them. */
export const errorBody = named(
  z.object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
  'Error',
);
export type ErrorBody = z.infer<typeof errorBody>;

export const idParams = z.object({ id: id() });

export const user = named(z.object({ id: z.string(), nickname: z.string(), roles: z.array(z.enum(ROLES)) }), 'User');
export type User = z.infer<typeof user>;

/** Someone named on a page: a dream's proposer or charity, a store's owner. */
export const personRef = z.object({ id: z.string(), nickname: z.string() });
export type PersonRef = z.infer<typeof personRef>;

/** A page of a list (schema-kit's page()). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
