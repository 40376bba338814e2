/**
 * What the golden path asks the catalog: the groups, a workspace `Domain` and whether a cluster
 * name is taken in a workspace. Read as the plugin itself; only what the NKP provider emitted
 * counts as a workspace or a cluster (`nkpProviderSourceOf`), so a registered file cannot make
 * up a workspace or block a name.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  NKP_ANNOTATIONS,
  entityRefKey,
  nkpProviderSourceOf,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** An NKP workspace as its catalog `Domain` says. */
export interface CatalogWorkspace {
  entityRef: string;
  /** The workspace's NKP name. */
  name: string;
  /** Its namespace on the management cluster. */
  namespace: string;
  owner?: string;
}

export class GoldenPathCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async credentials() {
    return this.auth.getOwnServiceCredentials();
  }

  /** Entity refs of every group in the catalog, sorted. */
  async listGroups(): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.credentials() },
    );
    return items.map(e => entityRefKey(stringifyEntityRef(e))).sort();
  }

  /** The NKP workspace `ref` names, or undefined when it is none. */
  async workspace(ref: string): Promise<CatalogWorkspace | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.credentials(),
    });
    const name = entity?.metadata.annotations?.[NKP_ANNOTATIONS.workspace];
    if (
      !entity ||
      entity.kind.toLocaleLowerCase('en-US') !== 'domain' ||
      !name ||
      !nkpProviderSourceOf(entity)
    ) {
      return undefined;
    }
    return {
      entityRef: stringifyEntityRef(entity),
      name,
      // Catalogs ingested before the annotation existed: NKP's default namespace is the name.
      namespace: entity.metadata.annotations?.[NKP_ANNOTATIONS.namespace] ?? name,
      owner: typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined,
    };
  }

  /** Whether an NKP cluster of that object name exists in the workspace. */
  async clusterExists(workspace: string, name: string): Promise<boolean> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': KUBERNETES_CLUSTER_RESOURCE_TYPE,
          [`metadata.annotations.${NKP_ANNOTATIONS.workspace}`]: workspace,
          [`metadata.annotations.${NKP_ANNOTATIONS.objectName}`]: name,
        },
      },
      { credentials: await this.credentials() },
    );
    return items.some((e: Entity) => nkpProviderSourceOf(e) !== undefined);
  }
}
