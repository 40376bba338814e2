/**
 * Reads what the NKP provider put in the catalog: the clusters (`Resource`s of type
 * `kubernetes-cluster`) and the NKP `Release` objects served by management clusters (`Resource`s
 * of type `nkp-release`). Both are read page by page with the catalog's cursor, so a fleet of
 * 100,000 clusters is many small responses rather than one huge one.
 *
 * Only what the NKP provider emitted counts (`nkpProviderSourceOf`: its `nkp:<source>` location
 * and origin): a look-alike with NKP annotations from any other location is left out, with a
 * warning naming it, so a registered file cannot add a cluster or move a release date.
 */
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  NKP_ANNOTATIONS,
  NKP_RELEASE_RESOURCE_TYPE,
  NkpClusterFacts,
  clusterFactsFromEntity,
  ServedReleases,
  servedReleasesFromEntities,
  entityRefKey,
  nkpProviderSourceOf,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** The key of a cluster name in a workspace, as `readClusters` records taken names. */
export function clusterNameKey(workspace: string, name: string): string {
  return `${workspace}\n${name}`;
}

/** Entities per catalog request: small responses, and few enough requests for 100k clusters. */
export const DEFAULT_CATALOG_PAGE_SIZE = 1000;

const fromNkpProvider = (type: string): EntityFilterQuery => ({
  kind: 'Resource',
  'spec.type': type,
  [`metadata.annotations.${NKP_ANNOTATIONS.source}`]: CATALOG_FILTER_EXISTS,
});

const byRef = (a: { ref: string }, b: { ref: string }) =>
  a.ref < b.ref ? -1 : 1;

/** Only what clusterFactsFromEntity reads: a fleet of thousands stays a small response. */
const CLUSTER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.type',
];

/** A cluster as the catalog serves it: its facts and the name it takes in its workspace. */
export interface ServedCluster {
  facts: NkpClusterFacts;
  /** `clusterNameKey` of its workspace and NKP object name; none without a workspace. */
  nameKey?: string;
}

function readCluster(entity: Entity): ServedCluster {
  const facts = clusterFactsFromEntity(entity);
  const objectName =
    entity.metadata.annotations?.[NKP_ANNOTATIONS.objectName] ?? facts.name;
  return {
    facts,
    nameKey: facts.workspace
      ? clusterNameKey(facts.workspace, objectName)
      : undefined,
  };
}

export class FleetReader {
  private readonly pageSize: number;
  private readonly logger?: LoggerService;
  /** Look-alikes already warned about, so each is named once rather than every evaluation. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly catalog: CatalogService,
    options: { pageSize?: number; logger?: LoggerService } = {},
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_CATALOG_PAGE_SIZE;
    this.logger = options.logger;
  }

  /** The NKP clusters, reduced to their facts, sorted by entity ref. */
  async listClusters(
    credentials: BackstageCredentials,
  ): Promise<NkpClusterFacts[]> {
    return (await this.readClusters(credentials)).clusters;
  }

  /**
   * The NKP clusters, and the cluster name each takes in its workspace (`clusterNameKey` of the
   * workspace and the NKP object name), for the golden path's "name already exists" check.
   */
  async readClusters(credentials: BackstageCredentials): Promise<{
    clusters: NkpClusterFacts[];
    /** Per lower-cased entity ref, the `clusterNameKey` the cluster takes. */
    nameKeys: Map<string, string>;
  }> {
    const entities = await this.readAll(
      fromNkpProvider(KUBERNETES_CLUSTER_RESOURCE_TYPE),
      CLUSTER_FIELDS,
      credentials,
    );
    const nameKeys = new Map<string, string>();
    const clusters = entities.map(({ entity }) => {
      const { facts, nameKey } = readCluster(entity);
      if (nameKey) {
        nameKeys.set(entityRefKey(facts.entityRef), nameKey);
      }
      return facts;
    });
    return { clusters, nameKeys };
  }

  /**
   * The named clusters as the catalog serves them now, by lower-cased entity ref; a ref that is
   * missing, or not an NKP cluster the provider emitted, is absent from the map.
   */
  async readClustersByRef(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, ServedCluster>> {
    const served = new Map<string, ServedCluster>();
    for (let i = 0; i < entityRefs.length; i += this.pageSize) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: entityRefs.slice(i, i + this.pageSize),
          fields: CLUSTER_FIELDS,
        },
        { credentials },
      );
      for (const entity of items) {
        if (
          entity &&
          entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE &&
          nkpProviderSourceOf(entity) !== undefined
        ) {
          const cluster = readCluster(entity);
          served.set(entityRefKey(cluster.facts.entityRef), cluster);
        }
      }
    }
    return served;
  }

  /** The served NKP releases, in entity ref order so that the calendar's sources are stable. */
  async listReleases(
    credentials: BackstageCredentials,
  ): Promise<ServedReleases> {
    const entities = await this.readAll(
      fromNkpProvider(NKP_RELEASE_RESOURCE_TYPE),
      // Only what isNkpRelease and servedReleaseFromEntity read.
      [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'spec.type',
      ],
      credentials,
    );
    return servedReleasesFromEntities(entities.map(({ entity }) => entity));
  }

  /**
   * Every matching entity, page by page, sorted by entity ref. An entity that moves between pages
   * while they are read (the catalog changes meanwhile) is kept once. A failing page fails the
   * whole read, so a partial fleet is never evaluated.
   */
  private async readAll(
    filter: EntityFilterQuery,
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Array<{ ref: string; entity: Entity }>> {
    // Keyed by lower-cased ref: entity refs are case-insensitive.
    const byEntityRef = new Map<string, { ref: string; entity: Entity }>();
    let response = await this.catalog.queryEntities(
      { filter, fields, limit: this.pageSize },
      { credentials },
    );
    const lookAlikes: string[] = [];
    for (;;) {
      for (const entity of response.items) {
        const ref = stringifyEntityRef(entity);
        if (nkpProviderSourceOf(entity) === undefined) {
          lookAlikes.push(ref);
          continue;
        }
        byEntityRef.set(entityRefKey(ref), { ref, entity });
      }
      const cursor = response.pageInfo.nextCursor;
      if (!cursor) break;
      // The cursor carries the filter; the projection has to be asked for on every page.
      response = await this.catalog.queryEntities(
        { cursor, fields, limit: this.pageSize },
        { credentials },
      );
    }
    this.warnAbout(lookAlikes);
    return [...byEntityRef.values()].sort(byRef);
  }

  private warnAbout(lookAlikes: string[]) {
    const fresh = lookAlikes.filter(ref => !this.warned.has(ref));
    if (fresh.length === 0) return;
    fresh.forEach(ref => this.warned.add(ref));
    this.logger?.warn(
      `Ignored ${
        fresh.length
      } catalog entities with NKP annotations that the NKP provider did not emit: ${fresh
        .sort()
        .join(', ')}`,
      { entityRefs: fresh.join(',') },
    );
  }
}
