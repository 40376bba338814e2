/*
 * A change proportional to the change: after a full build, the commonest watch events (a
 * cluster's CAPI Cluster, KommanderCluster or NKPCluster MODIFIED: a new version, phase or
 * status) touch one cluster's record and entity and nothing else, so those are rebuilt with the
 * very functions the full build uses, from the same inputs, and the rest is kept.
 *
 * It patches only what it can prove the full build would give: the object replaces one that the
 * last build read as part of a cluster (by identity), keeps its kind, name, namespace and labels
 * (they place the cluster in workspaces and projects), keeps the references that join it to the
 * cluster's other objects, and the cluster is not the source's own (its name is in every managed
 * cluster's entity). Anything else (an added or deleted object, a workspace, project or release,
 * a label change, a cluster whose entity lost a name collision) answers undefined: build again.
 * FleetPatcher.test.ts checks the results equal a full build's over sequences of changes.
 */

import { Entity } from '@backstage/catalog-model';
import {
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  NKP_ANNOTATIONS,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import type { NkpObjectEvent } from '../NkpSource';
import { CollectedObject, sortObject } from './collectObjects';
import { entityBuilders } from './fleetToEntities';
import { field } from './objects';
import {
  ClusterInputs,
  ClusterParts,
  NkpSourceModel,
  toCluster,
} from './readClusters';
import { NkpFleet, NkpWarning, RawObject } from './types';

/**
 * What a patch gives: every entity, and those that changed.
 *
 * @public
 */
export interface FleetPatch {
  entities: Entity[];
  changed: Entity[];
  /** The warnings of the changed clusters, as a full build would give them. */
  warnings: NkpWarning[];
}

type Role = keyof ClusterParts;

/** The references that join each kind of object to the others of its cluster. */
const JOINS: Record<Role, string[][]> = {
  capi: [],
  kommander: [['spec', 'clusterRef']],
  nkp: [
    ['spec', 'capiClusterRef'],
    ['spec', 'kommanderClusterRef'],
  ],
};

/**
 * Patches what a full build gave (`buildEntities` with `patchable`) for the changes that allow it.
 *
 * @public
 */
export interface FleetPatcher {
  patch(events: readonly NkpObjectEvent[]): FleetPatch | undefined;
  /**
   * Builds the indexes a first patch needs (linear in the fleet) now rather than when the first
   * change arrives: call it once the full build is applied.
   */
  prepare(): void;
}

class Patcher implements FleetPatcher {
  private entities: Entity[];
  private readonly builders: ReturnType<typeof entityBuilders>;
  private index?: {
    /** Each object the last build read as part of a cluster → that cluster's name. */
    clusterOf: Map<RawObject, string>;
    clusterAt: Map<string, number>;
    entityAt: Map<string, number>;
  };

  constructor(
    private readonly fleet: NkpFleet,
    entities: Entity[],
    private readonly inputs: Map<string, ClusterInputs>,
    private readonly model: NkpSourceModel,
    options: Parameters<typeof entityBuilders>[1],
  ) {
    this.entities = entities;
    this.builders = entityBuilders(fleet, options);
  }

  patch(events: readonly NkpObjectEvent[]): FleetPatch | undefined {
    if (events.length === 0) {
      return undefined;
    }
    const index = this.indexes();
    // First check every event, then change anything.
    const replaced = new Map<string, ClusterParts>();
    const objects = new Map<RawObject, string>();
    for (const event of events) {
      if (event.type !== 'MODIFIED' || !event.previous) {
        return undefined;
      }
      const name =
        objects.get(event.previous) ?? index.clusterOf.get(event.previous);
      const inputs = name === undefined ? undefined : this.inputs.get(name);
      if (!name || !inputs || inputs.isSourceCluster) {
        return undefined;
      }
      const parts = replaced.get(name) ?? inputs.parts;
      const role = (Object.keys(parts) as Role[]).find(
        r => parts[r]?.object === event.previous,
      );
      const item = role && sameCluster(parts[role]!, event.object, role);
      if (!role || !item || index.entityAt.get(name) === undefined) {
        return undefined;
      }
      replaced.set(name, { ...parts, [role]: item });
      objects.delete(event.previous);
      objects.set(event.object, name);
    }

    const entities = this.entities.slice();
    const changed: Entity[] = [];
    const warnings: NkpWarning[] = [];
    for (const [name, parts] of replaced) {
      const inputs = this.inputs.get(name)!;
      const at = index.clusterAt.get(name)!;
      const previous = this.fleet.clusters[at];
      const record = toCluster(
        parts,
        false,
        this.model,
        inputs.workspace,
        warnings,
      );
      // As normaliseFleet places it: labels are unchanged, so are its projects.
      const cluster = {
        ...record,
        projects: previous.projects,
        managementCluster: previous.managementCluster,
      };
      const entity = this.builders.clusterEntity(cluster, warnings);
      this.fleet.clusters[at] = cluster;
      this.inputs.set(name, { ...inputs, parts });
      entities[index.entityAt.get(name)!] = entity;
      changed.push(entity);
    }
    for (const event of events) {
      index.clusterOf.delete(event.previous!);
    }
    for (const [object, name] of objects) {
      index.clusterOf.set(object, name);
    }
    this.entities = entities;
    return { entities, changed, warnings };
  }

  prepare(): void {
    this.indexes();
  }

  private indexes() {
    if (!this.index) {
      const clusterOf = new Map<RawObject, string>();
      for (const [name, { parts }] of this.inputs) {
        for (const part of Object.values(parts) as CollectedObject[]) {
          if (part) {
            clusterOf.set(part.object, name);
          }
        }
      }
      const clusterAt = new Map(this.fleet.clusters.map((c, i) => [c.name, i]));
      // Each cluster entity names its cluster; a cluster whose entity lost a name collision
      // (dropped by fleetToEntities) has none here, so a change to it is built, not patched.
      const entityAt = new Map<string, number>();
      this.entities.forEach((entity, i) => {
        const name = entity.metadata.annotations?.[NKP_ANNOTATIONS.objectName];
        if (
          name !== undefined &&
          entity.kind === 'Resource' &&
          entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE &&
          clusterAt.has(name)
        ) {
          entityAt.set(name, i);
        }
      });
      this.index = { clusterOf, clusterAt, entityAt };
    }
    return this.index;
  }
}

export function createFleetPatcher(
  ...args: ConstructorParameters<typeof Patcher>
): FleetPatcher {
  return new Patcher(...args);
}

/** The new object as its cluster's `role`, or undefined when it may belong elsewhere now. */
function sameCluster(
  before: CollectedObject,
  object: RawObject,
  role: Role,
): CollectedObject | undefined {
  const item = sortObject(object, []);
  if (!(item instanceof CollectedObject)) {
    return undefined;
  }
  const same =
    item.meta.apiVersion === before.meta.apiVersion &&
    item.meta.kind === before.meta.kind &&
    item.meta.name === before.meta.name &&
    item.meta.namespace === before.meta.namespace &&
    sameJson(item.meta.labels, before.meta.labels) &&
    JOINS[role].every(path =>
      sameJson(field(object, ...path), field(before.object, ...path)),
    );
  return same ? item : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
