/**
 * What the golden path asks the catalog: the groups and a workspace `Domain` (whether a cluster
 * name is taken comes from the fleet snapshot, `FleetSnapshot.takenNames`). Read as the plugin
 * itself; only what the NKP provider emitted counts as a workspace (`nkpProviderSourceOf`), so a
 * registered file cannot make one up. The group list is kept for `GROUPS_TTL_MS`: it changes
 * rarely, and listing every group of a large catalog per form load would not be cheap.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
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

/** How long the list of groups is reused. */
export const GROUPS_TTL_MS = 30_000;

export class GoldenPathCatalog {
  private groups?: { at: number; refs: Promise<string[]> };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async credentials() {
    return this.auth.getOwnServiceCredentials();
  }

  /** Entity refs of every group in the catalog, sorted; reused for `GROUPS_TTL_MS`. */
  async listGroups(): Promise<string[]> {
    const now = Date.now();
    if (!this.groups || now - this.groups.at > GROUPS_TTL_MS) {
      const refs = this.readGroups();
      this.groups = { at: now, refs };
      // A failed read is not kept: the next request asks again.
      refs.catch(() => {
        if (this.groups?.refs === refs) this.groups = undefined;
      });
    }
    return this.groups.refs;
  }

  private async readGroups(): Promise<string[]> {
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
      namespace:
        entity.metadata.annotations?.[NKP_ANNOTATIONS.namespace] ?? name,
      owner:
        typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined,
    };
  }
}
