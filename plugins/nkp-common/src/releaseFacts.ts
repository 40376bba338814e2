import { Entity } from '@backstage/catalog-model';
import { NKP_ANNOTATION_PREFIX, NKP_ANNOTATIONS } from './annotations';
import { ServedNkpRelease } from './policy';

/**
 * `spec.type` of the catalog `Resource` that carries one NKP `Release` object served by a
 * management cluster (the in-cluster release calendar).
 *
 * @public
 */
export const NKP_RELEASE_RESOURCE_TYPE = 'nkp-release';

/**
 * Annotation keys of an NKP release entity, written by the catalog module and read by the policy
 * backend to build the release calendar ("served data wins over app-config and shipped data").
 *
 * @public
 */
export const NKP_RELEASE_ANNOTATIONS = {
  /** `spec.version` of the Release, e.g. `2.17.1`. */
  version: `${NKP_ANNOTATION_PREFIX}/release-version`,
  /** Comma-separated `spec.supportedKubernetesVersions`. */
  supportedKubernetesVersions: `${NKP_ANNOTATION_PREFIX}/supported-kubernetes-versions`,
  /** `spec.timeline.releaseDate` as served (ISO date). */
  releaseDate: `${NKP_ANNOTATION_PREFIX}/release-date`,
  /** `spec.timeline.endOfLifeDate` as served (ISO date). */
  endOfLifeDate: `${NKP_ANNOTATION_PREFIX}/end-of-life-date`,
} as const;

/**
 * True when the entity is an NKP release put in the catalog by the NKP provider.
 *
 * @public
 */
export function isNkpRelease(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === NKP_RELEASE_RESOURCE_TYPE &&
    Boolean(entity.metadata.annotations?.[NKP_ANNOTATIONS.source])
  );
}

/**
 * Reads an NKP release entity back into the calendar's served-release shape; `undefined` when
 * the entity has no release version (the calendar cannot place it).
 *
 * @public
 */
export function servedReleaseFromEntity(
  entity: Entity,
): ServedNkpRelease | undefined {
  const a = entity.metadata.annotations ?? {};
  const version = a[NKP_RELEASE_ANNOTATIONS.version];
  if (!version) {
    return undefined;
  }
  const supported = (a[NKP_RELEASE_ANNOTATIONS.supportedKubernetesVersions] ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
  const source = a[NKP_ANNOTATIONS.source];
  return {
    version,
    supportedKubernetesVersions: supported.length > 0 ? supported : undefined,
    releaseDate: a[NKP_RELEASE_ANNOTATIONS.releaseDate] || undefined,
    endOfLifeDate: a[NKP_RELEASE_ANNOTATIONS.endOfLifeDate] || undefined,
    source: `NKP Release ${a[NKP_ANNOTATIONS.objectName] ?? version}${
      source ? ` (source ${source})` : ''
    }`,
  };
}
