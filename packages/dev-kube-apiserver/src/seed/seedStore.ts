/*
 * Puts the seed into a store: each object as exported, with a resourceVersion of this server,
 * a UID and creation time where the export has none, and its fields owned by the field manager
 * `dev-kube-apiserver-seed` (so an apply that changes them conflicts unless forced, as with any
 * other manager's fields).
 */
import { randomUUID } from 'node:crypto';
import { leafPaths, toFieldsV1 } from '../apply/fieldPaths';
import { apiVersionOf } from '../resources/resourceTypes';
import { ObjectStore } from '../store/ObjectStore';
import { SeedObject } from './readSeed';

export const SEED_FIELD_MANAGER = 'dev-kube-apiserver-seed';

export function seedStore(store: ObjectStore, seed: SeedObject[]): void {
  const seen = new Map<string, string>();
  for (const { type, object, origin } of seed) {
    const key = `${apiVersionOf(type)} ${type.kind} ${
      object.metadata.namespace ?? ''
    }/${object.metadata.name}`;
    if (seen.has(key)) {
      throw new Error(`${origin}: ${key} is also in ${seen.get(key)}`);
    }
    seen.set(key, origin);
    const {
      managedFields: _m,
      resourceVersion: _rv,
      ...metadata
    } = object.metadata;
    const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const paths = leafPaths({ ...object, metadata });
    store.put(
      type,
      {
        ...object,
        metadata: {
          ...metadata,
          uid: metadata.uid ?? randomUUID(),
          creationTimestamp: metadata.creationTimestamp ?? created,
          managedFields: paths.length
            ? [
                {
                  manager: SEED_FIELD_MANAGER,
                  operation: 'Update',
                  apiVersion: apiVersionOf(type),
                  time: metadata.creationTimestamp ?? created,
                  fieldsType: 'FieldsV1',
                  fieldsV1: toFieldsV1(paths),
                },
              ]
            : [],
        },
      },
      { seed: true },
    );
  }
}
