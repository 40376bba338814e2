/*
 * One copy of each string that many objects of a fleet repeat: API versions, kinds, namespaces,
 * phases, class names, owners and entity references. JSON.parse and template strings make a new
 * copy for every object, and at 10,000 clusters the copies held between reads came to about
 * two kilobytes per cluster (a heap snapshot counted 20 MiB of duplicates).
 *
 * Bounded like every BoundedCache; a string forgotten is only shared again from its next copy.
 */

import { BoundedCache } from './BoundedCache';

const itself = (value: string) => value;

export class StringPool {
  private readonly strings: BoundedCache<string, string>;

  constructor(max: number) {
    this.strings = new BoundedCache(max);
  }

  /** The first string equal to `value` that the pool was given since it last started again. */
  share<T>(value: T): T {
    return typeof value === 'string'
      ? (this.strings.get(value, itself) as T)
      : value;
  }

  get size(): number {
    return this.strings.size;
  }
}

/** The pool normalisation and entity building share. */
export const fleetStrings = new StringPool(50_000);
