import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ACTOR_KINDS, AUDIT_TARGET_TYPES, GRANTABLE_ROLES, ROLE_ACTIONS, ROLES } from './enums';
import { FIELDS } from './fields';
import { route } from './route';
import { named, id, isoTime, page, pageQuery, text } from './schema-kit';
import { idParams } from './common';

/** What an admin sees of a person: their openid too, since that is how operators name people. */
export const person = named(
  z.object({ id: z.string(), nickname: z.string(), roles: z.array(z.enum(ROLES)), openid: z.string(), createdAt: isoTime() }),
  'Person',
);
export type Person = z.infer<typeof person>;

export const auditEntry = named(
  z.object({
    id: z.string(),
    at: isoTime(),
    actor: z.object({ kind: z.enum(AUDIT_ACTOR_KINDS), id: z.string(), label: z.string() }),
    action: z.enum(AUDIT_ACTIONS),
    targetType: z.enum(AUDIT_TARGET_TYPES),
    targetId: z.string(),
    detail: z.string(),
    reason: z.string().nullable(),
  }),
  'AuditEntry',
);
export type AuditEntry = z.infer<typeof auditEntry>;

/** GET /admin/users: exactly one of openid or userId. */
export const findUserQuery = z
  .object({
    openid: z.string().min(FIELDS.openid.min).max(FIELDS.openid.max).optional(),
    userId: id().optional(),
  })
  .refine((q) => (q.openid === undefined) !== (q.userId === undefined), { message: 'give openid or userId', path: ['openid'] });

export const changeRoleBody = z.object({
  role: z.enum(GRANTABLE_ROLES),
  action: z.enum(ROLE_ACTIONS),
  /** Why: kept in the audit trail. */
  reason: text(FIELDS.reason),
});
export type ChangeRoleInput = z.infer<typeof changeRoleBody>;

/**
 * GET /admin/audit: everything, one target's entries, or one person's (the entries about them, such
 * as their role changes). A person is a target too; the separate field says what the console means.
 */
export const auditQuery = pageQuery()
  .extend({ targetId: id().optional(), personId: id().optional() })
  .refine((q) => q.targetId === undefined || q.personId === undefined, { message: 'give targetId or personId, not both', path: ['personId'] });

export const findUserRoute = route({
  method: 'GET',
  path: '/admin/users',
  summary: 'Find one person by openid or user id, to grant or revoke a role',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: findUserQuery,
  status: 200,
  response: z.object({ user: person }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'nobody has this openid or id' }],
});

export const changeRoleRoute = route({
  method: 'POST',
  path: '/admin/users/{id}/roles',
  summary: 'Grant or revoke merchant, charity, worker or admin; audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: changeRoleBody,
  status: 200,
  response: z.object({ user: person, changed: z.boolean() }),
  errors: [
    { status: 404, code: 'NOT_FOUND', when: 'no such person' },
    { status: 409, code: 'CANNOT_REVOKE_OWN_ADMIN', when: 'an admin revokes their own admin role' },
    { status: 409, code: 'ROLES_CHANGED', when: 'another change landed between the read and the write (retry)' },
  ],
});

export const auditTrailRoute = route({
  method: 'GET',
  path: '/admin/audit',
  summary: 'The audit trail, newest first, or one target’s, or one person’s',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: auditQuery,
  status: 200,
  response: page(auditEntry),
});
