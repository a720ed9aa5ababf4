/**
 * Where a verifier reads a log from: the public routes of the API (no credentials), or, in tests,
 * a log served from memory. Public figures (a dream's flowers, a store's meals) come from the same
 * API, so a verifier compares the log with what the operator shows everyone.
 */
export interface LogSource {
  key(): Promise<{ origin: string; verifierKey: string }>;
  checkpoint(): Promise<string>;
  /** A tile or bundle by its tlog-tiles path; null when the log does not serve it. */
  tile(path: string): Promise<Uint8Array | null>;
}

export interface PublicFigures {
  /** `flowersRaised` of a dream (`GET /dreams/{id}` answers `{dream, …}`); null for one the API does not show. */
  dreamFlowers(id: string): Promise<number | null>;
  /** `mealsAvailable` of every active store, by store id. */
  storeMeals(): Promise<Map<string, number>>;
}

/** The public routes of an API at `base` (e.g. http://localhost:3000). */
export function httpLogSource(base: string): LogSource & PublicFigures {
  const root = base.replace(/\/+$/, '');
  const get = async (path: string) => fetch(`${root}${path}`, { signal: AbortSignal.timeout(15_000) });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    key: () => json<{ origin: string; verifierKey: string }>('/log/key'),
    async checkpoint() {
      const response = await get('/log/checkpoint');
      if (!response.ok) throw new Error(`GET /log/checkpoint answered ${response.status}`);
      return response.text();
    },
    async tile(path) {
      const response = await get(`/log/${path}`);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET /log/${path} answered ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async dreamFlowers(id) {
      const response = await get(`/dreams/${encodeURIComponent(id)}`);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET /dreams/${id} answered ${response.status}`);
      return ((await response.json()) as { dream: { flowersRaised: number } }).dream.flowersRaised;
    },
    async storeMeals() {
      const meals = new Map<string, number>();
      const { cities } = await json<{ cities: string[] }>('/stores/cities');
      for (const city of cities) {
        let cursor: string | null = null;
        do {
          const query = new URLSearchParams({ city, limit: '50', ...(cursor ? { cursor } : {}) });
          const page: { items: { id: string; mealsAvailable: number }[]; nextCursor: string | null } = await json(`/stores?${query}`);
          for (const store of page.items) meals.set(store.id, store.mealsAvailable);
          cursor = page.nextCursor;
        } while (cursor);
      }
      return meals;
    },
  };
}
