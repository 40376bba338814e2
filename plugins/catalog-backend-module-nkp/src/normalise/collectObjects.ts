/*
 * Sorts a bag of raw objects into the NKP kinds we read. Objects without a usable identity are
 * skipped with a warning each; objects of other kinds (an export often holds more than NKP
 * objects) get one warning per kind so that a large export does not flood the log.
 */

import { NkpKind, nkpResourceOf } from './kinds';
import { describeObject, metaOf, ObjectMeta } from './objects';
import { NkpWarning, RawObject } from './types';

export interface CollectedObject {
  meta: ObjectMeta & { name: string };
  object: RawObject;
  /** `Kind namespace/name`, for warnings. */
  ref: string;
}

export type CollectedObjects = Record<NkpKind, CollectedObject[]>;

export function collectObjects(objects: readonly unknown[]): {
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
    const meta = metaOf(value as RawObject);
    const ref = describeObject(meta);
    if (!meta.apiVersion || !meta.kind) {
      warnings.push({
        object: ref,
        message: 'missing apiVersion or kind; skipped',
      });
      return;
    }
    const resource = nkpResourceOf(meta.apiVersion, meta.kind);
    if (!resource) {
      const key = `${meta.apiVersion}/${meta.kind}`;
      ignoredKinds.set(key, (ignoredKinds.get(key) ?? 0) + 1);
      return;
    }
    if (!meta.name) {
      warnings.push({ object: ref, message: 'missing metadata.name; skipped' });
      return;
    }
    if (resource.namespaced && !meta.namespace) {
      warnings.push({
        object: ref,
        message: 'missing metadata.namespace; skipped',
      });
      return;
    }
    collected[resource.kind].push({
      meta: { ...meta, name: meta.name },
      object: value as RawObject,
      ref,
    });
  });

  for (const [kind, count] of ignoredKinds) {
    warnings.push({
      object: kind,
      message: `${count} object(s) of a kind that is not read by the NKP provider; ignored`,
    });
  }
  return { collected, warnings };
}
