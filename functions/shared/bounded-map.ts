/**
 * A Map that keeps at most `max` entries, dropping the least recently set one: the per-process
 * caches of a warm function must not grow with every dream and donor it ever saw.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(
    private readonly max: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {
    super();
  }

  override set(key: K, value: V): this {
    // Re-setting moves the key to the newest end.
    super.delete(key);
    super.set(key, value);
    if (this.size > this.max) {
      const [oldestKey, oldestValue] = this.entries().next().value as [K, V];
      super.delete(oldestKey);
      this.onEvict?.(oldestKey, oldestValue);
    }
    return this;
  }
}

/** A Set with the same bound. */
export class BoundedSet<T> {
  private readonly entries: BoundedMap<T, true>;
  constructor(max: number) {
    this.entries = new BoundedMap<T, true>(max);
  }
  has(value: T): boolean {
    return this.entries.has(value);
  }
  add(value: T): this {
    this.entries.set(value, true);
    return this;
  }
  get size(): number {
    return this.entries.size;
  }
}
