/*
 * Sorts a bag of raw objects into the NKP kinds we read. Objects without a usable identity are
 * skipped with a warning each; objects of other kinds (an export often holds more than NKP
 * objects) get one warning per kind so that a large export does not flood the log.
 */

import { NkpKind, nkpResourceOf } from './kinds';
import { NO_INPUTS, NormaliseMemo, remember } from './NormaliseMemo';
import { describeObject, metaOf, ObjectMeta } from './objects';
import { NkpWarning, RawObject } from './types';

export class CollectedObject {
  constructor(
    /** The NKP kind it was sorted as. */
    readonly kind: NkpKind,
    readonly meta: ObjectMeta & { name: string },
    readonly object: RawObject,
  ) {}

  /** `Kind namespace/name`, for warnings; made when one needs it, not for every object. */
  get ref(): string {
    return describeObject(this.meta);
  }
}

export type CollectedObjects = Record<NkpKind, CollectedObject[]>;

/** What one object is: an NKP object of a kind, an object of another kind, or unusable. */
export type Sorted = CollectedObject | { ignoredKind: string } | undefined;

export function collectObjects(
  objects: readonly unknown[],
  memo?: NormaliseMemo,
): {
  collected: CollectedObjects;
  warnings: NkpWarning[];
} {
  const collected: CollectedObjects = {
    Workspace: [],
    Project: [],
    KommanderCluster: [],
    CapiCluster: [],
    NKPCluster: [],
    Release: [],
  };
  const warnings: NkpWarning[] = [];
  const ignoredKinds = new Map<string, number>();

  objects.forEach((value, index) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      warnings.push({
        object: `object #${index}`,
        message: 'not a Kubernetes object; skipped',
      });
      return;
    }
    const sorted = remember(memo, 'collect', value, NO_INPUTS, warnings, w =>
      sortObject(value as RawObject, w),
    );
    if (sorted instanceof CollectedObject) {
      collected[sorted.kind].push(sorted);
    } else if (sorted) {
      ignoredKinds.set(
        sorted.ignoredKind,
        (ignoredKinds.get(sorted.ignoredKind) ?? 0) + 1,
      );
    }
  });

  for (const [kind, count] of ignoredKinds) {
    warnings.push({
      object: kind,
      message: `${count} object(s) of a kind that is not read by the NKP provider; ignored`,
    });
  }
  return { collected, warnings };
}

/** What one object is, as collectObjects sorts it. */
export function sortObject(object: RawObject, warnings: NkpWarning[]): Sorted {
  const meta = metaOf(object);
  const ref = () => describeObject(meta);
  if (!meta.apiVersion || !meta.kind) {
    warnings.push({
      object: ref(),
      message: 'missing apiVersion or kind; skipped',
    });
    return undefined;
  }
  const resource = nkpResourceOf(meta.apiVersion, meta.kind);
  if (!resource) {
    return { ignoredKind: `${meta.apiVersion}/${meta.kind}` };
  }
  if (!meta.name) {
    warnings.push({ object: ref(), message: 'missing metadata.name; skipped' });
    return undefined;
  }
  if (resource.namespaced && !meta.namespace) {
    warnings.push({
      object: ref(),
      message: 'missing metadata.namespace; skipped',
    });
    return undefined;
  }
  return new CollectedObject(
    resource.kind,
    meta as ObjectMeta & { name: string },
    object,
  );
}
