/*
 * Remembers what normalisation computed from each object, so that a source followed with watches
 * re-does only the work its changes touch. A watch replaces the changed objects and keeps every
 * other object as the same JavaScript object, so results can be keyed by object identity:
 * a step is recomputed when its object or any of its inputs (compared with ===) is new.
 *
 * The memo never changes a result: normalising with or without one gives equal fleets, entities
 * and warnings (NormaliseMemo.test.ts checks this over sequences of changes).
 *
 * It holds what one build looked up, no more: each build (`startBuild`) takes over the entries
 * it looks up from the build before, and what that build had but this one did not look up (the
 * objects a change removed or replaced) goes when the build ends (`endBuild`), or at the latest
 * when the next one starts. Plain Maps, not WeakMaps: V8's collector pays for every WeakMap
 * entry on each of its runs (a first build at 10,000 clusters cost about 10 % more CPU with them, as far as this
 * noisy VM could tell).
 */

import { NkpWarning } from './types';

interface Entry {
  inputs: readonly unknown[];
  value: unknown;
  warnings: readonly NkpWarning[];
}

const NO_WARNINGS: readonly NkpWarning[] = [];
/** The inputs of a step that depends on its object alone. */
export const NO_INPUTS: readonly unknown[] = [];

/** @public */
export class NormaliseMemo {
  /** Step → owner → entry: what this build looked up, and what the build before it had. */
  private current = new Map<string, Map<object, Entry>>();
  private previous = new Map<string, Map<object, Entry>>();

  /** A build starts: entries it does not look up are forgotten when it ends. */
  startBuild(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The build has ended: what it did not look up is forgotten now. */
  endBuild(): void {
    this.previous = new Map();
  }

  /**
   * The result of `compute` for `owner` in step `step`, computed again only when `inputs` differ
   * from last time. Warnings the computation produced are replayed into `warnings` on a hit, in
   * the same place, so the warning list is the same either way.
   *
   * With `keepEqual`, a recomputed value that equals the previous one (as JSON) is replaced by
   * the previous object, so that steps keyed on it are not redone either: a new Kubernetes
   * version of the management cluster's KommanderCluster that its CAPI Cluster overrides
   * changes nothing downstream.
   */
  remember<T>(
    step: string,
    owner: object,
    inputs: readonly unknown[],
    warnings: NkpWarning[],
    compute: (warnings: NkpWarning[]) => T,
    keepEqual = false,
  ): T {
    let entries = this.current.get(step);
    if (!entries) {
      entries = new Map();
      this.current.set(step, entries);
    }
    let entry = entries.get(owner);
    const taken = !entry;
    if (taken) {
      entry = this.previous.get(step)?.get(owner);
    }
    if (entry && sameInputs(entry.inputs, inputs)) {
      for (const warning of entry.warnings) {
        warnings.push(warning);
      }
      if (taken) {
        entries.set(owner, entry);
      }
      return entry.value as T;
    }
    const first = warnings.length;
    let value: unknown = compute(warnings);
    if (
      keepEqual &&
      entry &&
      JSON.stringify(entry.value) === JSON.stringify(value)
    ) {
      value = entry.value;
    }
    // Most objects have no warnings; they share one empty list.
    const own = warnings.length === first ? NO_WARNINGS : warnings.slice(first);
    entries.set(owner, { inputs, value, warnings: own });
    return value as T;
  }
}

/**
 * `memo.remember(...)` when there is a memo, a plain call otherwise: the code path is the same.
 */
export function remember<T>(
  memo: NormaliseMemo | undefined,
  step: string,
  owner: object,
  inputs: readonly unknown[],
  warnings: NkpWarning[],
  compute: (warnings: NkpWarning[]) => T,
  keepEqual = false,
): T {
  return memo
    ? memo.remember(step, owner, inputs, warnings, compute, keepEqual)
    : compute(warnings);
}

/** Reads each collected object on its own, remembering the result per object. */
export function readEach<I extends { object: object }, T>(
  memo: NormaliseMemo | undefined,
  step: string,
  items: readonly I[],
  warnings: NkpWarning[],
  read: (item: I, warnings: NkpWarning[]) => T,
): T[] {
  return items.map(item =>
    remember(memo, step, item.object, NO_INPUTS, warnings, w => read(item, w)),
  );
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/** Code-point order: names are ASCII, and this is many times cheaper than localeCompare. */
export function compareNames(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
