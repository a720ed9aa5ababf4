import { z } from 'zod';
import { text } from '../shared/schemas';

export const openStoreBody = z.object({
  name: text(2, 40),
  city: text(2, 20),
  address: text(4, 120),
});

export const storeIdParams = z.object({ id: z.string().min(1).max(64) });

export const reviewStoreBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: text(1, 200).optional(),
});
