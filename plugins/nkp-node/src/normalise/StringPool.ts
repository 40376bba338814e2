/*
 * One copy of each string that many objects of a fleet repeat: API versions, kinds, namespaces,
 * phases, class names, owners and entity references. JSON.parse and template strings make a new
 * copy for every object, and at 10,000 clusters the copies held between reads came to about
 * two kilobytes per cluster (a heap snapshot counted 20 MiB of duplicates).
 *
 * Bounded: once it holds `max` strings it forgets them all and starts again, so strings that do
 * not repeat cannot grow it without end; equal strings are equal either way.
 */

export class StringPool {
  private strings = new Map<string, string>();

  constructor(private readonly max: number) {}

  /** The first string equal to `value` that the pool was given since it last started again. */
  share<T>(value: T): T {
    if (typeof value !== 'string') {
      return value;
    }
    const shared = this.strings.get(value);
    if (shared !== undefined) {
      return shared as T;
    }
    if (this.strings.size >= this.max) {
      this.strings = new Map();
    }
    this.strings.set(value, value);
    return value;
  }

  get size(): number {
    return this.strings.size;
  }
}

/** The pool normalisation and entity building share. */
export const fleetStrings = new StringPool(50_000);
