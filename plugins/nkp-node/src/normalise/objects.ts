/*
 * Defensive readers for raw Kubernetes objects. Exports and API responses can contain anything,
 * so every field is checked before use and nothing here throws.
 */

import { RawObject } from './types';

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Reads a nested field, e.g. `field(obj, 'spec', 'topology', 'version')`. */
export function field(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    const record = asRecord(current);
    if (!record) {
      return undefined;
    }
    current = record[key];
  }
  return current;
}

/** What an absent map reads as: one shared, frozen record rather than a new one per object. */
const NO_STRINGS: Record<string, string> = Object.freeze({});

/**
 * A `map[string]string` such as labels; non-string values are dropped. A record whose values are
 * all strings (nearly every one) is handed back as it is rather than copied: objects are read,
 * never changed, so the copy would only be more to allocate and keep.
 */
export function stringMap(value: unknown): Record<string, string> {
  const record = asRecord(value);
  if (!record) {
    return NO_STRINGS;
  }
  for (const key in record) {
    if (typeof record[key] !== 'string') {
      const result: Record<string, string> = {};
      for (const [k, entry] of Object.entries(record)) {
        if (typeof entry === 'string') {
          result[k] = entry;
        }
      }
      return result;
    }
  }
  return record as Record<string, string>;
}

/** The validated identity of an object; undefined parts stay undefined. */
export interface ObjectMeta {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export function metaOf(object: RawObject): ObjectMeta {
  const metadata = object.metadata;
  return {
    apiVersion: asString(object.apiVersion),
    kind: asString(object.kind),
    name: asString(field(metadata, 'name')),
    namespace: asString(field(metadata, 'namespace')),
    labels: stringMap(field(metadata, 'labels')),
    annotations: stringMap(field(metadata, 'annotations')),
  };
}

/** `Kind namespace/name`, the way warnings name an object. */
export function describeObject(
  meta: Pick<ObjectMeta, 'kind' | 'name' | 'namespace'>,
): string {
  const kind = meta.kind ?? '(no kind)';
  const name = meta.name ?? '(no name)';
  return meta.namespace
    ? `${kind} ${meta.namespace}/${name}`
    : `${kind} ${name}`;
}
