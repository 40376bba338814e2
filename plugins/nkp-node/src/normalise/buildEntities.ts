/*
 * The whole chain a source's objects go through on their way into the catalog: raw objects →
 * fleet model → entities. The entity provider runs it on every read and change; the CLI runs it
 * on exports, so that both produce the same entities from the same objects and settings.
 */

import { Entity } from '@backstage/catalog-model';
import { nkpLocationRef } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import type { NkpSourceSettings } from '../config/readNkpSourceConfig';
import { FleetEntityOptions, fleetToEntities } from './fleetToEntities';
import { createFleetPatcher, FleetPatcher } from './FleetPatcher';
import { NormaliseMemo } from './NormaliseMemo';
import { normaliseFleetWithInputs } from './normaliseFleet';
import { NkpFleet, NkpWarning, RawObject } from './types';

/**
 * One cluster's share of a source that reads several (a list of self-managed endpoints): its
 * entities get their own name prefix, dashboard and CA.
 *
 * @public
 */
export interface NkpSourcePartSettings {
  entityNamePrefix: string;
  dashboardUrl?: string;
  /** CA of the part's own cluster, for the Kubernetes plugin's annotation. */
  caData?: string;
}

/**
 * Raw objects of one source (or one part of it) → its entities, through the pure core. Pass the
 * same `memo` on every call for that part so that a change re-does only the work it touches.
 *
 * @public
 */
export function buildEntities(
  source: NkpSourceSettings,
  objects: readonly RawObject[],
  options: {
    part?: NkpSourcePartSettings;
    memo?: NormaliseMemo;
    /** Also return a FleetPatcher of the result, for the changes that follow. */
    patchable?: boolean;
  } = {},
): {
  fleet: NkpFleet;
  entities: Entity[];
  warnings: NkpWarning[];
  patcher?: FleetPatcher;
} {
  const { memo } = options;
  const part: NkpSourcePartSettings = options.part ?? source;
  const {
    fleet,
    warnings: fleetWarnings,
    inputs,
    model,
  } = normaliseFleetWithInputs(objects, { model: source.model, memo });
  const entityOptions: FleetEntityOptions = {
    sourceId: source.id,
    entityNamePrefix: part.entityNamePrefix,
    locationRef: nkpLocationRef(source.id),
    dashboardUrl: part.dashboardUrl,
    owners: source.owners,
    allowedApiServers: source.allowedApiServers,
    kubernetes: {
      ...source.kubernetes,
      caData: source.kubernetes.caData ?? part.caData,
    },
  };
  const { entities, warnings: entityWarnings } = fleetToEntities(
    fleet,
    entityOptions,
    memo,
  );
  memo?.endBuild();
  return {
    fleet,
    entities,
    warnings: [...fleetWarnings, ...entityWarnings],
    ...(options.patchable
      ? {
          patcher: createFleetPatcher(
            fleet,
            entities,
            inputs,
            model,
            entityOptions,
          ),
        }
      : {}),
  };
}
