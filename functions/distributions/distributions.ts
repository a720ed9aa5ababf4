import { ulid } from 'ulid';
import type { CreateDistributionBody, DistributionView, RecipientView, TimelineEntry } from '../contract/distributions';
import { auditRecord, type AuditActor } from '../domain/audit';
import { checkPublicText, mayReadHeld, queueIfHeld, SCENE, type HeldTextStore } from '../domain/content-safety';
import {
  distributionClosed,
  ensureManager,
  maySign,
  progressOf,
  recipientIdOf,
  type DistributionRecord,
  type DistributionStore,
  type FieldStaffRecord,
  type Progress,
  type RecipientRecord,
} from '../domain/distribution';
import { PUBLIC_STATUSES, type DreamRecord } from '../domain/dream';
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../domain/errors';
import type { DreamAudienceReader } from '../domain/fanout';
import type { Clock, Page, UserRepository } from '../domain/ports';
import { maskName } from '../domain/name-mask';
import { hashCode, newCode } from '../domain/signoff-code-hash';
import { imageChecked } from '../domain/upload-purpose';
import type { ObjectStore, UploadRepository } from '../domain/upload';
import type { ContentSafetyPort } from '../domain/wechat';
import type { Rules } from '../shared/config';

/**
 * 数字签收: the adopting charity lists who receives what; each recipient gets a one-time code
 * (answered once, kept only as its keyed hash); donors watch the progress and a masked timeline.
 * Signing is signoffs.ts.
 */
export interface DistributionDeps {
  clock: Clock;
  users: Pick<UserRepository, 'findById'>;
  audience: Pick<DreamAudienceReader, 'dream'>;
  distributions: DistributionStore;
  contentSafety: ContentSafetyPort;
  heldTexts: HeldTextStore;
  uploads: Pick<UploadRepository, 'getMany'>;
  objects: Pick<ObjectStore, 'viewUrl'>;
  /** The codes' pepper (configuration; SSM in AWS). */
  signoffPepper: () => Promise<string>;
  config: { rules: Pick<Rules, 'signoff'> };
}

export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

/** Dreams a charity hands goods out for: adopted, and later completed. */
const ADOPTED = new Set(['adopted', 'completed']);

export async function createDistribution(
  deps: DistributionDeps,
  charityId: string,
  dreamId: string,
  input: CreateDistributionBody,
): Promise<{ distribution: DistributionView; codes: { recipientId: string; code: string }[] }> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream) throw new NotFoundError('梦想不存在');
  // An adopted dream belongs to its charity (403 for any other); a dream nobody adopted has no charity yet (409).
  if (ADOPTED.has(dream.status) && dream.charityId && dream.charityId !== charityId) {
    throw new ForbiddenError('只有认领这个梦想的公益机构可以发放物资');
  }
  if (!ADOPTED.has(dream.status) || !dream.charityId) throw new RuleViolation('NOT_ADOPTED', '梦想被认领后才能发放物资');
  if (input.recipients.length > deps.config.rules.signoff.maxRecipients) {
    const max = deps.config.rules.signoff.maxRecipients;
    throw new ValidationError(`一次发放最多 ${max} 位受助人`, [{ in: 'body', path: ['recipients'], message: `at most ${max}` }]);
  }
  const charity = await deps.users.findById(charityId);
  const texts = [input.title, input.item, input.unit];
  // A text WeChat wants a person to see (or cannot check now) is stored, hidden from all but the charity and admins.
  const verdict = await checkPublicText(deps, { openid: charity?.openid ?? '' }, texts, SCENE.forum);

  const pepper = await deps.signoffPepper();
  const id = ulid();
  const codes: { recipientId: string; code: string }[] = [];
  const recipients: RecipientRecord[] = input.recipients.map((row, index) => {
    const recipientId = recipientIdOf(index);
    const code = newCode();
    codes.push({ recipientId, code });
    return {
      distributionId: id,
      recipientId,
      name: row.name,
      quantity: row.quantity,
      village: row.village ?? null,
      codeHash: hashCode(pepper, code),
      signedAt: null,
      signoffId: null,
    };
  });
  const distribution: DistributionRecord = {
    id,
    dreamId: dream.id,
    charityId,
    title: input.title,
    item: input.item,
    unit: input.unit,
    recipientCount: recipients.length,
    totalQuantity: recipients.reduce((sum, r) => sum + r.quantity, 0),
    status: 'open',
    createdAt: deps.clock.now().toISOString(),
    closedAt: null,
    disputed: false,
    counterShards: deps.config.rules.signoff.counterShards,
    ...(verdict.held ? { held: true } : {}),
  };
  await deps.distributions.create(distribution, recipients);
  await queueIfHeld(deps, verdict, { kind: 'distribution', targetId: id, text: texts.join('\n'), writerId: charityId });
  return { distribution: distributionView(distribution, NOTHING_SIGNED), codes };
}

const NOTHING_SIGNED: Progress = { signedCount: 0, signedQuantity: 0, suspiciousCount: 0 };

export function distributionView(d: DistributionRecord, progress: Progress): DistributionView {
  return {
    id: d.id,
    dreamId: d.dreamId,
    title: d.title,
    item: d.item,
    unit: d.unit,
    recipientCount: d.recipientCount,
    totalQuantity: d.totalQuantity,
    signedCount: progress.signedCount,
    signedQuantity: progress.signedQuantity,
    status: d.status,
    createdAt: d.createdAt,
    closedAt: d.closedAt,
    disputed: d.disputed,
    suspiciousCount: progress.suspiciousCount,
    ...(d.held ? { held: true } : {}),
  };
}

export async function viewWithProgress(deps: Pick<DistributionDeps, 'distributions'>, d: DistributionRecord): Promise<DistributionView> {
  return distributionView(d, progressOf(await deps.distributions.counters(d)));
}

async function existing(deps: Pick<DistributionDeps, 'distributions'>, distributionId: string): Promise<DistributionRecord> {
  const found = await deps.distributions.get(distributionId);
  if (!found) throw new NotFoundError('这次发放不存在');
  return found;
}

/** A held distribution exists for its charity and admins only: anyone else reads it as absent. */
const mayRead = (d: DistributionRecord, viewer: Viewer | null): boolean => mayReadHeld(d, d.charityId, viewer);

async function readable(deps: Pick<DistributionDeps, 'distributions'>, distributionId: string, viewer: Viewer | null): Promise<DistributionRecord> {
  const found = await existing(deps, distributionId);
  if (!mayRead(found, viewer)) throw new NotFoundError('这次发放不存在');
  return found;
}

/** POST /distributions/{id}/close: the managing charity ends it; the stream tells every donor. */
export async function closeDistribution(deps: DistributionDeps, charityId: string, distributionId: string): Promise<{ distribution: DistributionView }> {
  const found = await existing(deps, distributionId);
  ensureManager(found, charityId);
  if (found.status === 'closed') throw distributionClosed();
  const closedAt = deps.clock.now().toISOString();
  if (!(await deps.distributions.close(distributionId, closedAt))) throw distributionClosed();
  // Read after the close: no sign-off can commit any more, so these figures are final.
  return { distribution: await viewWithProgress(deps, { ...found, status: 'closed', closedAt }) };
}

async function publicDream(deps: Pick<DistributionDeps, 'audience'>, dreamId: string): Promise<DreamRecord> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream || !PUBLIC_STATUSES.includes(dream.status) || dream.held) throw new NotFoundError('梦想不存在');
  return dream;
}

/** GET /dreams/{id}/distributions: each with its exact progress, newest first. */
export async function distributionsOfDream(
  deps: DistributionDeps,
  viewer: Viewer | null,
  dreamId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<DistributionView>> {
  // The page first: a malformed cursor is a 400, which comes before the dream's 404.
  const found = await deps.distributions.ofDream(dreamId, page);
  await publicDream(deps, dreamId);
  const shown = found.items.filter((d) => mayRead(d, viewer));
  return { items: await Promise.all(shown.map((d) => viewWithProgress(deps, d))), nextCursor: found.nextCursor };
}

/** GET /distributions/{id}: names in full only for the managing charity and admins. */
export async function distributionDetail(
  deps: DistributionDeps,
  viewer: Viewer | null,
  distributionId: string,
): Promise<{ distribution: DistributionView; recipients: RecipientView[]; canSign: boolean }> {
  const found = await readable(deps, distributionId, viewer);
  const [view, recipients, isStaff] = await Promise.all([
    viewWithProgress(deps, found),
    deps.distributions.recipients(distributionId),
    viewer ? deps.distributions.isStaff(distributionId, viewer.userId) : Promise.resolve(false),
  ]);
  const fullNames = Boolean(viewer && (viewer.isAdmin || viewer.userId === found.charityId));
  return {
    distribution: view,
    recipients: recipients
      .sort((a, b) => (a.recipientId < b.recipientId ? -1 : 1))
      .map((r) => ({
        recipientId: r.recipientId,
        name: fullNames ? r.name : maskName(r.name),
        quantity: r.quantity,
        village: r.village,
        signedAt: r.signedAt,
      })),
    canSign: Boolean(viewer && maySign(found, viewer.userId, isStaff)),
  };
}

/** GET /distributions/{id}/signoffs: the public timeline, newest hand-over first, names masked. */
export async function distributionTimeline(
  deps: DistributionDeps,
  viewer: Viewer | null,
  distributionId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<TimelineEntry>> {
  // The page first: a malformed cursor is a 400, which comes before the distribution's 404.
  const found = await deps.distributions.timeline(distributionId, page);
  await readable(deps, distributionId, viewer);
  const photoIds = found.items.flatMap((s) => (s.photo ? [s.photo] : []));
  // A photo shows once WeChat's image check passed it (GET /photos/{id} serves only those).
  const passed = new Set((photoIds.length > 0 ? await deps.uploads.getMany(photoIds) : []).filter((u) => imageChecked(u)).map((u) => u.id));
  return {
    items: found.items.map((s) => ({
      id: s.id,
      recipientId: s.recipientId,
      name: maskName(s.name),
      village: s.village,
      quantity: s.quantity,
      signedAt: s.signedAt,
      photoUrl: s.photo && passed.has(s.photo) ? deps.objects.viewUrl(s.photo) : null,
      suspicious: s.suspicious,
    })),
    nextCursor: found.nextCursor,
  };
}

/** GET /distributions/{id}/staff: the managing charity and admins. */
export async function fieldStaff(deps: DistributionDeps, viewer: Viewer, distributionId: string): Promise<{ staff: FieldStaffRecord[] }> {
  const found = await existing(deps, distributionId);
  if (!viewer.isAdmin) ensureManager(found, viewer.userId);
  return { staff: await deps.distributions.staff(distributionId) };
}

/** The charity as the audit trail names it. */
async function charityActor(deps: Pick<DistributionDeps, 'users'>, charityId: string): Promise<AuditActor> {
  const charity = await deps.users.findById(charityId);
  return { kind: 'user', id: charityId, label: charity?.nickname ?? charityId };
}

/** POST /distributions/{id}/staff: a helper who may sign this distribution only; audited. */
export async function addFieldStaff(deps: DistributionDeps, charityId: string, distributionId: string, userId: string): Promise<{ staff: FieldStaffRecord[] }> {
  const found = await existing(deps, distributionId);
  ensureManager(found, charityId);
  const actor = await charityActor(deps, charityId);
  const person = await deps.users.findById(userId);
  if (!person || person.closedAt) throw new NotFoundError('这个用户不存在');
  if (found.status === 'closed') throw distributionClosed();
  const now = deps.clock.now();
  await deps.distributions.addStaff(
    distributionId,
    { userId, nickname: person.nickname, addedAt: now.toISOString() },
    auditRecord(now, actor, {
      action: 'distribution.staff_add',
      targetType: 'distribution',
      targetId: distributionId,
      detail: `field_staff ${userId}`,
      reason: null,
    }),
  );
  return { staff: await deps.distributions.staff(distributionId) };
}

/** DELETE /distributions/{id}/staff/{userId}: audited; taking off someone not named is a 404. */
export async function removeFieldStaff(
  deps: DistributionDeps,
  charityId: string,
  distributionId: string,
  userId: string,
): Promise<{ staff: FieldStaffRecord[] }> {
  const found = await existing(deps, distributionId);
  ensureManager(found, charityId);
  const actor = await charityActor(deps, charityId);
  const audit = auditRecord(deps.clock.now(), actor, {
    action: 'distribution.staff_remove',
    targetType: 'distribution',
    targetId: distributionId,
    detail: `field_staff ${userId}`,
    reason: null,
  });
  if (!(await deps.distributions.removeStaff(distributionId, userId, audit))) throw new NotFoundError('这位签收人员不在名单里');
  return { staff: await deps.distributions.staff(distributionId) };
}
