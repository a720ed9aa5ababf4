import { z } from 'zod';
import { GRANTABLE_ROLES } from '../domain/roles';
import { pageQuery, text } from '../shared/schemas';

/** GET /admin/users: exactly one of openid or userId. */
export const findUserQuery = z
  .object({
    openid: z.string().min(1).max(128).optional(),
    userId: z.string().min(1).max(64).optional(),
  })
  .refine((q) => (q.openid === undefined) !== (q.userId === undefined), { message: 'give openid or userId', path: ['openid'] });

export const userIdParams = z.object({ id: z.string().min(1).max(64) });

export const changeRoleBody = z.object({
  role: z.enum(GRANTABLE_ROLES),
  action: z.enum(['grant', 'revoke']),
  /** Why: kept in the audit trail. */
  reason: text(1, 200),
});

export const auditQuery = pageQuery.extend({ targetId: z.string().min(1).max(64).optional() });

export const createSponsorBody = z.object({
  name: text(1, 40),
  logoText: text(1, 4),
  fenPer10kSteps: z.number().int().min(1).max(100_000),
  budgetFen: z.number().int().min(1).max(10_000_000_000),
  reason: text(1, 200).optional(),
});
