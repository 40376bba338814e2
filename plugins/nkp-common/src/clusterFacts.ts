import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  NKP_ANNOTATIONS,
  NKP_CLUSTER_TYPES,
  NkpClusterType,
} from './annotations';

/**
 * What the suite knows about one NKP cluster, read back from its catalog entity. The frontend,
 * the policy backend and the CLI all start from this shape.
 *
 * @public
 */
export interface NkpClusterFacts {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  clusterType?: NkpClusterType;
  nkpVersion?: string;
  kubernetesVersion?: string;
  managementCluster?: string;
  phase?: string;
  workspace?: string;
  projects: string[];
  source?: string;
}

/**
 * True when the entity is a cluster put in the catalog by the NKP provider.
 *
 * @public
 */
export function isNkpCluster(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === 'kubernetes-cluster' &&
    Boolean(entity.metadata.annotations?.[NKP_ANNOTATIONS.source])
  );
}

/**
 * Reads the NKP annotations of a cluster entity. Missing or unrecognised values stay
 * `undefined`: the policy turns them into `unknown`, never into a guess.
 *
 * @public
 */
export function clusterFactsFromEntity(entity: Entity): NkpClusterFacts {
  const a = entity.metadata.annotations ?? {};
  const type = a[NKP_ANNOTATIONS.clusterType] as NkpClusterType | undefined;
  const owner =
    typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    name: getCompoundEntityRef(entity).name,
    title: entity.metadata.title,
    owner,
    clusterType: type && NKP_CLUSTER_TYPES.includes(type) ? type : undefined,
    nkpVersion: a[NKP_ANNOTATIONS.nkpVersion] || undefined,
    kubernetesVersion: a[NKP_ANNOTATIONS.kubernetesVersion] || undefined,
    managementCluster: a[NKP_ANNOTATIONS.managementCluster] || undefined,
    phase: a[NKP_ANNOTATIONS.phase] || undefined,
    workspace: a[NKP_ANNOTATIONS.workspace] || undefined,
    projects: (a[NKP_ANNOTATIONS.projects] ?? '')
      .split(',')
      .map(p => p.trim())
      .filter(Boolean),
    source: a[NKP_ANNOTATIONS.source] || undefined,
  };
}
