/**
 * Catalog entities the NKP entity provider emitted (workspace Domains, project Systems, cluster
 * Resources), read for the pickers and for their validation. Anything else that looks like them
 * (a user's own YAML with the same annotations) is left out, as everywhere in the suite.
 */
import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  NKP_ANNOTATIONS,
  nkpProviderSourceOf,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** A catalog filter of `getEntities`: keys are entity paths, values what they must be. */
export type NkpEntityFilter = Record<string, string>;

/** The entity's title, else its name. */
export function entityTitle(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** The object's name in NKP (entity names may carry a source prefix). */
export function nkpObjectName(entity: Entity): string {
  return (
    entity.metadata.annotations?.[NKP_ANNOTATIONS.objectName] ??
    entity.metadata.name
  );
}

/** The NKP entities matching the filter, by title. */
export async function loadNkpEntities(
  catalogApi: CatalogApi,
  filter: NkpEntityFilter,
): Promise<Entity[]> {
  const { items } = await catalogApi.getEntities({ filter });
  return items
    .filter(entity => nkpProviderSourceOf(entity) !== undefined)
    .sort((a, b) => entityTitle(a).localeCompare(entityTitle(b)));
}

/** The NKP entities matching the filter; nothing is read while the filter is `undefined`. */
export function useNkpEntities(filter: NkpEntityFilter | undefined): {
  entities?: Entity[];
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const catalogApi = useApi(catalogApiRef);
  const key = filter && JSON.stringify(filter);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (filter ? loadNkpEntities(catalogApi, filter) : undefined),
    // The filter is a new object on every render; its content decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [catalogApi, key],
  );
  return { entities: value, loading, error, retry };
}
