import { z } from 'zod';
import { DREAM_CATEGORIES, DREAM_STATUSES } from '../domain/dream';
import { text } from '../shared/schemas';

/** A dream or team id in a path: anything else is simply not found. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

export const proposeBody = z.object({
  title: text(4, 40),
  story: text(20, 2000),
  category: z.enum(DREAM_CATEGORIES),
  targetFlowers: z.number().int().min(1_000).max(100_000_000),
  coverUrl: z
    .string()
    .url()
    .max(500)
    .regex(/^https:\/\//, 'cover must be an https URL')
    .optional(),
  beneficiaries: z.number().int().min(1).max(100_000_000).optional(),
});

export const listQuery = z.object({
  status: z.enum(DREAM_STATUSES).optional(),
  sort: z.enum(['hot', 'new']).default('new'),
  category: z.enum(DREAM_CATEGORIES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});

export const reviewBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: text(1, 200).optional(),
  matchFund: z
    .object({
      sponsorName: text(1, 40),
      fenPerFlower: z.number().int().min(1).max(10_000),
      budgetFen: z.number().int().min(1).max(10_000_000_000),
    })
    .optional(),
});

export const donationBody = z.object({
  flowers: z.number().int().min(1).max(100_000),
  teamId: z.string().min(1).max(64).optional(),
});

export const teamBody = z.object({ name: text(2, 20) });
export const joinBody = z.object({ code: z.string().regex(/^[A-Za-z0-9]{6}$/, 'a 6-character team code') });
