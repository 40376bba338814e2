import { parseVersion } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { CollectedObject } from './collectObjects';
import { NormaliseMemo, readEach } from './NormaliseMemo';
import { asArray, asString, field } from './objects';
import { NkpRelease, NkpWarning } from './types';

/** Reads NKP `Release` objects: the in-cluster release calendar where the server has one. */
export function readReleases(
  objects: CollectedObject[],
  warnings: NkpWarning[],
  memo?: NormaliseMemo,
): NkpRelease[] {
  return readEach(memo, 'release', objects, warnings, readRelease);
}

function readRelease(
  { meta, object, ref }: CollectedObject,
  warnings: NkpWarning[],
): NkpRelease {
  const rawVersion = asString(field(object, 'spec', 'version'));
  const version = parseVersion(rawVersion)?.version;
  if (!version) {
    warnings.push({
      object: ref,
      message: `spec.version "${
        rawVersion ?? ''
      }" is not a version; ingested without one`,
    });
  }
  const supportedKubernetesVersions: string[] = [];
  for (const value of asArray(
    field(object, 'spec', 'supportedKubernetesVersions'),
  )) {
    const parsed = typeof value === 'string' ? parseVersion(value) : undefined;
    if (parsed) {
      supportedKubernetesVersions.push(parsed.version);
    } else {
      warnings.push({
        object: ref,
        message: `supportedKubernetesVersions entry "${String(
          value,
        )}" is not a version; ignored`,
      });
    }
  }
  return {
    name: meta.name,
    version,
    supportedKubernetesVersions,
    releaseDate: asString(field(object, 'spec', 'timeline', 'releaseDate')),
    endOfLifeDate: asString(field(object, 'spec', 'timeline', 'endOfLifeDate')),
  };
}
