// Values fetched from somewhere slow that change rarely (a team's members, say): reused while
// fresh, fetched again once stale, and, when fetching fails, the last good value is still handed
// out with the failure, so a flaky network costs a note rather than the feature.

export type CacheRead<V> =
  | { readonly value: V; readonly fetchedAt: number }
  /** The fetch failed; `value` is the last good one, from `fetchedAt`. */
  | { readonly value: V; readonly fetchedAt: number; readonly error: unknown };

interface Entry<V> {
  value: V;
  fetchedAt: number;
}

export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<CacheRead<V>>>();
  /** Bumped by clear(), so a fetch that started before it is not stored after it. */
  private generation = 0;

  constructor(
    private readonly freshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value while fresh; else `load()` (one at a time per key). Throws only when there is no last good value. */
  get(key: K, load: () => Promise<V>): Promise<CacheRead<V>> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.fetchedAt < this.freshMs) return Promise.resolve({ ...entry });
    let pending = this.loading.get(key);
    if (!pending) {
      const started: Promise<CacheRead<V>> = this.reload(key, load).finally(() => {
        if (this.loading.get(key) === started) this.loading.delete(key);
      });
      pending = started;
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Forgets everything, e.g. when the account changes. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private async reload(key: K, load: () => Promise<V>): Promise<CacheRead<V>> {
    const generation = this.generation;
    try {
      const value = await load();
      const entry = { value, fetchedAt: this.now() };
      if (generation === this.generation) this.entries.set(key, entry);
      return { ...entry };
    } catch (error) {
      const last = this.entries.get(key);
      if (!last) throw error;
      return { ...last, error };
    }
  }
}
