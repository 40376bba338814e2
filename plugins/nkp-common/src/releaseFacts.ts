import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NKP_ANNOTATION_PREFIX, NKP_ANNOTATIONS } from './annotations';
import {
  ReleaseCalendar,
  ReleaseCalendarOverrides,
  ServedNkpRelease,
  buildReleaseCalendar,
} from './policy';
import { ReleaseFeedLayer } from './releaseFeed';

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
  const supported = (
    a[NKP_RELEASE_ANNOTATIONS.supportedKubernetesVersions] ?? ''
  )
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

/**
 * The served releases among catalog entities, in entity ref order (so the calendar's sources are
 * stable), and the refs of release entities that carry no version.
 *
 * @public
 */
export interface ServedReleases {
  served: ServedNkpRelease[];
  skipped: string[];
}

/** @public */
export function servedReleasesFromEntities(
  entities: readonly Entity[],
): ServedReleases {
  const result: ServedReleases = { served: [], skipped: [] };
  const releases = entities
    .filter(isNkpRelease)
    .map(entity => ({ ref: stringifyEntityRef(entity), entity }))
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  for (const { ref, entity } of releases) {
    const release = servedReleaseFromEntity(entity);
    if (release) {
      result.served.push(release);
    } else {
      result.skipped.push(ref);
    }
  }
  return result;
}

/**
 * The release calendar the backend and the CLI evaluate with: shipped data, then the release
 * feeds, app-config and the served releases, each winning over the ones before it; with a warning
 * for every release entity that had to be skipped.
 *
 * @public
 */
export function releaseCalendarWithServed(
  overrides: ReleaseCalendarOverrides,
  releases: ServedReleases,
  feeds: readonly ReleaseFeedLayer[] = [],
): ReleaseCalendar {
  const calendar = buildReleaseCalendar({
    feeds,
    overrides,
    served: releases.served,
  });
  calendar.warnings.push(
    ...releases.skipped.map(
      ref => `NKP release entity ${ref} skipped: it has no release version`,
    ),
  );
  return calendar;
}
