/*
 * What changed between the entities last applied and a new set, so that a watch event becomes a
 * small delta mutation instead of a full one. Entities are never changed after they are built,
 * and normalisation with a memo hands back the same entity object while nothing it depends on
 * changed, so an entity that is the one applied is unchanged without looking at it; only a new
 * object under a reference already applied is compared, as JSON, with the one it replaces.
 * Keeping the applied entities costs nothing extra: the memo and the part's FleetPatcher hold
 * the same objects.
 */

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** Entity reference → the entity as applied. */
export type AppliedEntities = Map<string, Entity>;

export function appliedEntitiesOf(entities: Entity[]): AppliedEntities {
  return new Map(entities.map(entity => [stringifyEntityRef(entity), entity]));
}

export function entityDelta(
  previous: AppliedEntities,
  entities: Entity[],
): { added: Entity[]; removed: string[]; applied: AppliedEntities } {
  const applied: AppliedEntities = new Map();
  const added: Entity[] = [];
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    applied.set(ref, entity);
    if (!sameEntity(previous.get(ref), entity)) {
      added.push(entity);
    }
  }
  const removed = [...previous.keys()].filter(ref => !applied.has(ref));
  return { added, removed, applied };
}

/**
 * The delta of a patch (FleetPatcher): only `changed` can differ from what was applied, so only
 * they are compared. `apply` records them in `previous` once the delta is applied.
 */
export function patchedDelta(
  previous: AppliedEntities,
  changed: Entity[],
): { added: Entity[]; apply(): void } {
  const added: Array<[string, Entity]> = [];
  for (const entity of changed) {
    const ref = stringifyEntityRef(entity);
    if (!sameEntity(previous.get(ref), entity)) {
      added.push([ref, entity]);
    }
  }
  return {
    added: added.map(([, entity]) => entity),
    apply() {
      for (const [ref, entity] of added) {
        previous.set(ref, entity);
      }
    },
  };
}

function sameEntity(applied: Entity | undefined, entity: Entity): boolean {
  // The entities are built by the same code every time, so key order is stable.
  return (
    applied === entity ||
    (applied !== undefined &&
      JSON.stringify(applied) === JSON.stringify(entity))
  );
}
