/*
 * A cache for values derived from strings that a fleet repeats (see StringPool, toOwnerRef,
 * nkpResourceOf). Bounded: once it holds `max` entries it forgets them all and starts again, so
 * keys that do not repeat cannot grow it without end; a forgotten value is only computed again.
 */

export class BoundedCache<K, V> {
  private entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value kept for `key`, else `compute(key)`, kept. */
  get(key: K, compute: (key: K) => V): V {
    const kept = this.entries.get(key);
    if (kept !== undefined || this.entries.has(key)) {
      return kept as V;
    }
    const value = compute(key);
    if (this.entries.size >= this.max) {
      this.entries = new Map();
    }
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
