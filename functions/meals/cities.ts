import type { StoreRepository } from '../domain/store';

// Reads at most this many active stores: far more than the cities a donor would scroll through.
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/**
 * GET /stores/cities: every city with an active store, in Chinese collation order. Read fresh on
 * each call (no per-process cache): a store an admin just approved must be findable at once, and
 * the active-store index is one small query a page.
 */
export async function activeCities(deps: { stores: Pick<StoreRepository, 'listByStatus'> }): Promise<{ cities: string[] }> {
  const cities = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = await deps.stores.listByStatus('active', { limit: PAGE_SIZE, cursor });
    for (const store of found.items) if (store.status === 'active') cities.add(store.city);
    if (!found.nextCursor) break;
    cursor = found.nextCursor;
  }
  return { cities: [...cities].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')) };
}
