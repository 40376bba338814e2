/*
 * Field ownership as server-side apply keeps it, simplified: a manager owns the leaf fields of
 * the configuration it applied. Objects are walked key by key; lists and scalars are leaves
 * (lists are owned as a whole, as for `atomic` lists). Identity and server-set fields (apiVersion,
 * kind, metadata name/namespace/uid/resourceVersion/generation/creationTimestamp/managedFields)
 * and status are never owned.
 */
import { isDeepStrictEqual } from 'node:util';

/** A field, as the keys from the object's root. */
export type FieldPath = string[];

const UNOWNED_TOP = new Set(['apiVersion', 'kind', 'status']);
const UNOWNED_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
]);

export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `.spec.topology.version`, as kube-apiserver names a field in a conflict. */
export function fieldName(path: FieldPath): string {
  return `.${path.join('.')}`;
}

/** The leaf fields an applied configuration sets. */
export function leafPaths(config: Record<string, any>): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (value: unknown, path: FieldPath) => {
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) {
        if (path.length === 0 && UNOWNED_TOP.has(key)) continue;
        if (
          path.length === 1 &&
          path[0] === 'metadata' &&
          UNOWNED_METADATA.has(key)
        )
          continue;
        walk(child, [...path, key]);
      }
    } else if (path.length > 0) {
      paths.push(path);
    }
  };
  walk(config, []);
  return paths;
}

export function valueAt(object: unknown, path: FieldPath): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** `path` is `other` or inside it. */
export function isWithin(path: FieldPath, other: FieldPath): boolean {
  return other.length <= path.length && other.every((k, i) => path[i] === k);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** Merges an applied configuration onto an object: objects key by key, the rest replaced. */
export function mergeConfig(
  target: Record<string, any>,
  config: Record<string, any>,
): Record<string, any> {
  const merged: Record<string, any> = { ...target };
  for (const [key, value] of Object.entries(config)) {
    merged[key] =
      isPlainObject(value) && isPlainObject(merged[key])
        ? mergeConfig(merged[key], value)
        : value;
  }
  return merged;
}

/** The `fieldsV1` of a set of fields (`{"f:spec": {"f:replicas": {}}}`). */
export function toFieldsV1(paths: FieldPath[]): Record<string, any> {
  const root: Record<string, any> = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      node[`f:${key}`] ??= {};
      node = node[`f:${key}`];
    }
  }
  return root;
}

/** The fields of a `fieldsV1`. */
export function fromFieldsV1(fields: unknown): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (node: unknown, path: FieldPath) => {
    const children = isPlainObject(node)
      ? Object.entries(node).filter(([k]) => k.startsWith('f:'))
      : [];
    if (children.length === 0) {
      if (path.length > 0) paths.push(path);
      return;
    }
    for (const [key, child] of children) {
      walk(child, [...path, key.slice(2)]);
    }
  };
  walk(fields, []);
  return paths;
}
