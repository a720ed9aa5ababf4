import { ulid } from 'ulid';
import type { DistributionView, SignBody, SignoffView } from '../contract/distributions';
import { isWellFormedCode } from '../contract/signoff-code';
import {
  codeAlreadyUsed,
  counterShardFor,
  distributionClosed,
  ensureSignedAtInWindow,
  invalidCode,
  isSuspiciousLocation,
  maySign,
  type RecipientRecord,
  type SignoffRecord,
} from '../domain/distribution';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { hashCode, recipientCommitment } from '../domain/signoff-code-hash';
import { ensureOwnImage } from '../domain/upload-purpose';
import type { ObjectStore, UploadRepository } from '../domain/upload';
import type { Rules } from '../shared/config';
import { checkPhotos } from '../uploads/uploads';
import { viewWithProgress, type DistributionDeps } from './distributions';

/**
 * Recording one hand-over (POST /distributions/{id}/signoffs), online or from a phone's offline
 * queue. The refusals come in the contract's order: the body and its time window (400), the
 * caller's right to sign (403) before the code is even looked at, so codes cannot be probed; then
 * the code (400), the photo (400), a used code and a closed distribution (409). One transaction
 * makes a code sign once however many phones send it at the same moment.
 */
export interface SignDeps extends DistributionDeps {
  uploads: UploadRepository;
  objects: ObjectStore;
  config: { rules: Pick<Rules, 'signoff' | 'uploads' | 'quotas'> };
}

export interface SignRequest {
  signerId: string;
  distributionId: string;
  body: SignBody;
  /** The request's Idempotency-Key, kept with the sign-off (see answerOfRepeat). */
  idempotencyKey: string | null;
}

export async function sign(deps: SignDeps, request: SignRequest): Promise<{ signoff: SignoffView; distribution: DistributionView }> {
  const { body, signerId, distributionId } = request;
  ensureSignedAtInWindow(body.signedAt, deps.clock.now(), deps.config.rules.signoff);
  const distribution = await deps.distributions.get(distributionId);
  if (!distribution) throw new NotFoundError('这次发放不存在');
  const named = distribution.charityId === signerId ? false : await deps.distributions.isStaff(distributionId, signerId);
  if (!maySign(distribution, signerId, named)) throw new ForbiddenError('只有发放的公益机构或它指定的人员可以登记签收');

  // A code of another distribution is answered exactly like a code of none.
  const recipient = isWellFormedCode(body.code) ? await deps.distributions.recipientByCode(hashCode(await deps.signoffPepper(), body.code)) : null;
  if (!recipient || recipient.distributionId !== distributionId) throw invalidCode();

  if (body.photo) {
    const [upload] = await deps.uploads.getMany([body.photo]);
    ensureOwnImage(upload, signerId, 'signoff_photo', 'photo');
    await checkPhotos(deps, signerId, [{ id: body.photo, path: ['photo'] }]);
  }

  if (recipient.signedAt) return answerOfRepeat(deps, request, recipient);
  if (distribution.status === 'closed') throw distributionClosed();

  const id = ulid();
  const { salt, commitment } = recipientCommitment(id);
  const location = body.location
    ? {
        lat: body.location.lat,
        lng: body.location.lng,
        accuracyM: body.location.accuracyM,
        mocked: body.location.mocked ?? false,
        fuzzy: body.location.fuzzy ?? false,
      }
    : null;
  const signoff: SignoffRecord = {
    id,
    distributionId,
    dreamId: distribution.dreamId,
    recipientId: recipient.recipientId,
    name: recipient.name,
    village: recipient.village,
    quantity: recipient.quantity,
    signedAt: new Date(body.signedAt).toISOString(),
    recordedAt: deps.clock.now().toISOString(),
    signerId,
    idempotencyKey: request.idempotencyKey,
    photo: body.photo ?? null,
    location,
    suspicious: isSuspiciousLocation(body.location),
    salt,
    recipientCommitment: commitment,
  };
  const outcome = await deps.distributions.sign(signoff, recipient.codeHash, counterShardFor(distribution.counterShards));
  if (outcome === 'used') return answerOfRepeat(deps, request, (await deps.distributions.recipientByCode(recipient.codeHash)) ?? recipient);
  if (outcome === 'closed') throw distributionClosed();
  return { signoff: signoffView(signoff), distribution: await viewWithProgress(deps, distribution) };
}

/**
 * A code already signed. The idempotency store answers a repeated key with its first answer; but
 * if that answer was lost (the function stopped after the transaction, before the store kept the
 * answer), the same signer's same key finds its own sign-off here and gets it again, not a 409.
 */
async function answerOfRepeat(
  deps: SignDeps,
  request: SignRequest,
  recipient: RecipientRecord,
): Promise<{ signoff: SignoffView; distribution: DistributionView }> {
  const earlier = recipient.signoffId ? await deps.distributions.signoff(recipient.signoffId) : null;
  const same = earlier && request.idempotencyKey !== null && earlier.idempotencyKey === request.idempotencyKey && earlier.signerId === request.signerId;
  if (!earlier || !same) throw codeAlreadyUsed();
  const distribution = await deps.distributions.get(request.distributionId);
  return { signoff: signoffView(earlier), distribution: await viewWithProgress(deps, distribution!) };
}

function signoffView(s: SignoffRecord): SignoffView {
  return { id: s.id, recipientId: s.recipientId, quantity: s.quantity, signedAt: s.signedAt, suspicious: s.suspicious };
}
