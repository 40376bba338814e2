/*
 * What changed between the entities last applied and a new set, so that a watch event becomes a
 * small delta mutation instead of a full one. Entities are compared by a fingerprint of their
 * JSON, which keeps the memory held between changes to a few dozen bytes per entity. Entities
 * are never changed after they are built, and normalisation with a memo hands back the same
 * entity object while nothing it depends on changed, so each one is fingerprinted once.
 */

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/** Entity reference → fingerprint of the entity as applied. */
export type EntityFingerprints = Map<string, string>;

interface Identity {
  ref: string;
  print: string;
}

const identities = new WeakMap<Entity, Identity>();

function identityOf(entity: Entity): Identity {
  let identity = identities.get(entity);
  if (!identity) {
    identity = { ref: stringifyEntityRef(entity), print: fingerprint(entity) };
    identities.set(entity, identity);
  }
  return identity;
}

export function fingerprintsOf(entities: Entity[]): EntityFingerprints {
  const fingerprints: EntityFingerprints = new Map();
  for (const entity of entities) {
    const { ref, print } = identityOf(entity);
    fingerprints.set(ref, print);
  }
  return fingerprints;
}

export function entityDelta(
  previous: EntityFingerprints,
  entities: Entity[],
): { added: Entity[]; removed: string[]; fingerprints: EntityFingerprints } {
  const fingerprints = new Map<string, string>();
  const added: Entity[] = [];
  for (const entity of entities) {
    const { ref, print } = identityOf(entity);
    fingerprints.set(ref, print);
    if (previous.get(ref) !== print) {
      added.push(entity);
    }
  }
  const removed = [...previous.keys()].filter(ref => !fingerprints.has(ref));
  return { added, removed, fingerprints };
}

/**
 * The delta of a patch (FleetPatcher): only `changed` can differ from what was applied, so only
 * they are compared. `apply` records them in `previous` once the delta is applied.
 */
export function patchedDelta(
  previous: EntityFingerprints,
  changed: Entity[],
): { added: Entity[]; apply(): void } {
  const added: Entity[] = [];
  const prints: Identity[] = [];
  for (const entity of changed) {
    const identity = identityOf(entity);
    if (previous.get(identity.ref) !== identity.print) {
      added.push(entity);
      prints.push(identity);
    }
  }
  return {
    added,
    apply() {
      for (const { ref, print } of prints) {
        previous.set(ref, print);
      }
    },
  };
}

function fingerprint(entity: Entity): string {
  // The entities are built by the same code every time, so key order is stable.
  return createHash('sha1').update(JSON.stringify(entity)).digest('base64');
}
