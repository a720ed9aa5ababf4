import type { OpenStoreInput, ReviewStoreInput } from '../contract/stores';
import { assertNotOwnWork, auditRecord, type AuditActor } from '../domain/audit';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Rules } from '../shared/config';
import { decideStoreReview, notPending, type StoreRecord, type StoreRepository } from '../domain/store';
import { NotFoundError } from '../domain/errors';
import { checkPublicText, contentUnsafe, queueIfHeld, SCENE, type HeldTextDeps } from '../domain/content-safety';

export interface StoreDeps extends HeldTextDeps {
  stores: StoreRepository;
  users: UserRepository;
  clock: Clock;
  quotas: Quotas;
  config: { rules: Pick<Rules, 'quotas'> };
}

/** The contract's `store`, plus when it was opened and the reviewer's note (docs/api.md). */
export function storeView(store: StoreRecord) {
  const { id, name, city, address, ownerId, status, mealsAvailable, createdAt, reviewNote } = store;
  return { id, name, city, address, ownerId, status, mealsAvailable, createdAt, reviewNote, ...(store.held ? { held: true } : {}) };
}

/** POST /stores: a merchant asks to open a store; it waits as `pending` for an admin. */
export async function openStore(deps: StoreDeps, ownerId: string, input: OpenStoreInput) {
  const owner = await deps.users.findById(ownerId);
  const verdict = await checkPublicText(deps, { openid: owner?.openid ?? '' }, [input.name, input.address], SCENE.profile);
  await deps.quotas.take(ownerId, quotaSpecs(deps.config.rules.quotas).stores, deps.clock.now());
  const createdAt = deps.clock.now().toISOString();
  const held = verdict.held ? { held: true } : {};
  const store = await deps.stores.create({ name: input.name, city: input.city, address: input.address, ownerId, status: 'pending', ...held }, createdAt);
  await queueIfHeld(deps, verdict, { kind: 'store', targetId: store.id, text: `${input.name}\n${input.address}`, writerId: ownerId });
  return { store: storeView({ ...store, createdAt, reviewNote: null }) };
}

/** GET /me/stores: the merchant's own stores in every status, newest first. */
export async function myStores(deps: StoreDeps, ownerId: string, page: { limit: number; cursor?: string }) {
  const found = await deps.stores.listByOwner(ownerId, page);
  return { items: found.items.map(storeView), nextCursor: found.nextCursor };
}

/** GET /admin/stores: the stores in one status (pending by default: the review queue), newest first, with the owner's nickname. */
export async function storeReviewQueue(deps: StoreDeps, page: { limit: number; cursor?: string; status?: 'pending' | 'active' | 'suspended' }) {
  const found = await deps.stores.listByStatus(page.status ?? 'pending', page);
  const items = await Promise.all(
    found.items.map(async (store) => ({
      ...storeView(store),
      owner: { id: store.ownerId, nickname: (await deps.users.findById(store.ownerId))?.nickname ?? '' },
    })),
  );
  return { items, nextCursor: found.nextCursor };
}

/** POST /stores/{id}/review: approve (it opens) or reject, audited in the same write. */
export async function reviewStore(deps: StoreDeps, actor: AuditActor, storeId: string, input: ReviewStoreInput) {
  const store = await deps.stores.get(storeId);
  if (!store) throw new NotFoundError('店铺不存在');
  assertNotOwnWork(actor, store.ownerId, '店铺');
  // A held store opens only after an admin clears its text in the held queue.
  if (store.held && input.decision === 'approve') throw contentUnsafe();
  const to = decideStoreReview(store, input.decision);
  const note = input.note ?? null;
  const reviewed = await deps.stores.changeStatus(store, to, {
    note,
    audit: auditRecord(deps.clock.now(), actor, {
      action: input.decision === 'approve' ? 'store.approve' : 'store.reject',
      targetType: 'store',
      targetId: store.id,
      detail: store.name,
      reason: note,
    }),
    onConflict: (cause) => notPending({ cause }),
  });
  return { store: storeView(reviewed) };
}
