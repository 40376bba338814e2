/*
 * Reads the seed: a folder (recursively) or file of `kubectl get ... -o yaml|json` exports, the
 * same files the portal's offline source reads: single objects, `List`s, multi-document YAML.
 * Namespaces come from the seed too: Namespace objects in it, and the namespaces its objects,
 * workspaces and projects name (plus `default`, `kube-system` and `kube-public`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isPlainObject } from '../apply/fieldPaths';
import {
  NAMESPACE_TYPE,
  RESOURCE_TYPES,
  apiVersionOf,
  ResourceType,
  typeOfObject,
} from '../resources/resourceTypes';
import { KubeObject } from '../store/ObjectStore';

/**
 * One object of the seed and where it came from.
 *
 * @public
 */
export interface SeedObject {
  type: ResourceType;
  object: KubeObject;
  /** `file`, `file#2` (document), `file#2.items[3]`: where it came from, for errors. */
  origin: string;
}

const BUILT_IN_NAMESPACES = ['default', 'kube-system', 'kube-public'];

function filesOf(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) {
    throw new Error(`--seed ${target}: no such file or folder`);
  }
  if (stat.isFile()) {
    return [target];
  }
  return fs
    .readdirSync(target, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap(entry => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return filesOf(full);
      return /\.(ya?ml|json)$/.test(entry.name) ? [full] : [];
    });
}

function documentsOf(file: string): Array<{ value: unknown; origin: string }> {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    try {
      return [{ value: JSON.parse(text), origin: file }];
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }
  return parseAllDocuments(text).map((document, index) => {
    if (document.errors[0]) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
    return { value: document.toJS(), origin: `${file}#${index + 1}` };
  });
}

function flatten(
  value: unknown,
  origin: string,
): Array<{ value: unknown; origin: string }> {
  if (isPlainObject(value) && Array.isArray(value.items)) {
    return value.items.flatMap((item: unknown, i: number) =>
      flatten(item, `${origin}.items[${i}]`),
    );
  }
  return value === null || value === undefined ? [] : [{ value, origin }];
}

function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
    status: { phase: 'Active' },
  };
}

/** The namespaces an object names besides its own: a workspace's and a project's namespace. */
function namedNamespaces(object: KubeObject): string[] {
  return [
    object.metadata?.namespace,
    object.spec?.namespaceName,
    object.status?.namespaceRef?.name,
  ].filter(
    (n): n is string =>
      typeof n === 'string' &&
      n !== '' &&
      (object.kind === 'Workspace' ||
        object.kind === 'Project' ||
        n === object.metadata?.namespace),
  );
}

/**
 * The seed's objects, Namespaces first; an object of a type not served fails with its origin.
 *
 * @public
 */
export function readSeed(target: string | undefined): SeedObject[] {
  const objects: SeedObject[] = [];
  for (const file of target ? filesOf(target) : []) {
    for (const document of documentsOf(file)) {
      for (const { value, origin } of flatten(
        document.value,
        document.origin,
      )) {
        if (!isPlainObject(value)) {
          throw new Error(`${origin}: not a Kubernetes object`);
        }
        const type = typeOfObject(value.apiVersion, value.kind);
        if (!type) {
          throw new Error(
            `${origin}: ${value.apiVersion} ${
              value.kind
            } is not served; this server serves ${RESOURCE_TYPES.map(
              t => `${apiVersionOf(t)} ${t.kind}`,
            ).join(', ')}`,
          );
        }
        if (typeof value.metadata?.name !== 'string') {
          throw new Error(`${origin}: metadata.name is missing`);
        }
        if (type.namespaced && typeof value.metadata.namespace !== 'string') {
          throw new Error(
            `${origin}: metadata.namespace is missing (${type.kind} is namespaced)`,
          );
        }
        objects.push({ type, object: value, origin });
      }
    }
  }
  const declared = new Set(
    objects
      .filter(o => o.type === NAMESPACE_TYPE)
      .map(o => o.object.metadata.name),
  );
  const named = new Set([
    ...BUILT_IN_NAMESPACES,
    ...objects.flatMap(o => namedNamespaces(o.object)),
  ]);
  const derived = [...named]
    .filter(n => !declared.has(n))
    .sort()
    .map(name => ({
      type: NAMESPACE_TYPE,
      object: namespaceObject(name),
      origin: 'derived from the seed',
    }));
  return [
    ...objects.filter(o => o.type === NAMESPACE_TYPE),
    ...derived,
    ...objects.filter(o => o.type !== NAMESPACE_TYPE),
  ];
}
