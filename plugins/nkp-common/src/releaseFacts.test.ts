import { Entity } from '@backstage/catalog-model';
import {
  NKP_RELEASE_ANNOTATIONS,
  isNkpRelease,
  releaseCalendarWithServed,
  servedReleaseFromEntity,
  servedReleasesFromEntities,
} from './releaseFacts';

function release(
  annotations: Record<string, string>,
  type = 'nkp-release',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'demo-release-2-17-1',
      annotations: {
        'nkp-lifecycle.io/source': 'demo',
        'nkp-lifecycle.io/object-name': 'nkp-2.17.1',
        ...annotations,
      },
    },
    spec: { type, owner: 'group:default/platform-team' },
  };
}

describe('servedReleaseFromEntity', () => {
  it('reads every field the catalog module writes', () => {
    expect(
      servedReleaseFromEntity(
        release({
          [NKP_RELEASE_ANNOTATIONS.version]: '2.17.1',
          [NKP_RELEASE_ANNOTATIONS.supportedKubernetesVersions]:
            '1.33.5, 1.34.3',
          [NKP_RELEASE_ANNOTATIONS.releaseDate]: '2026-03-02',
          [NKP_RELEASE_ANNOTATIONS.endOfLifeDate]: '2027-03-02',
        }),
      ),
    ).toEqual({
      version: '2.17.1',
      supportedKubernetesVersions: ['1.33.5', '1.34.3'],
      releaseDate: '2026-03-02',
      endOfLifeDate: '2027-03-02',
      source: 'NKP Release nkp-2.17.1 (source demo)',
    });
  });

  it.each([
    ['no version', {}],
    ['an empty version', { [NKP_RELEASE_ANNOTATIONS.version]: '' }],
  ])('gives undefined for %s', (_, annotations) => {
    expect(servedReleaseFromEntity(release(annotations))).toBeUndefined();
  });

  it('leaves out what the Release did not say', () => {
    expect(
      servedReleaseFromEntity(
        release({ [NKP_RELEASE_ANNOTATIONS.version]: '2.16.0' }),
      ),
    ).toEqual({
      version: '2.16.0',
      supportedKubernetesVersions: undefined,
      releaseDate: undefined,
      endOfLifeDate: undefined,
      source: 'NKP Release nkp-2.17.1 (source demo)',
    });
  });
});

describe('isNkpRelease', () => {
  it.each([
    [release({}), true],
    [release({}, 'kubernetes-cluster'), false],
    [{ ...release({}), metadata: { name: 'x' } }, false],
  ])('%#', (entity, expected) => {
    expect(isNkpRelease(entity)).toBe(expected);
  });
});

describe('servedReleasesFromEntities and releaseCalendarWithServed', () => {
  const named = (name: string, annotations: Record<string, string>) => {
    const entity = release(annotations);
    return { ...entity, metadata: { ...entity.metadata, name } };
  };

  it('reads releases in entity ref order and names the ones without a version', () => {
    const releases = servedReleasesFromEntities([
      named('z-2-18', { [NKP_RELEASE_ANNOTATIONS.version]: '2.18.0' }),
      release({}, 'kubernetes-cluster'),
      named('broken', {}),
      named('a-2-17', { [NKP_RELEASE_ANNOTATIONS.version]: '2.17.1' }),
    ]);
    expect(releases.served.map(r => r.version)).toEqual(['2.17.1', '2.18.0']);
    expect(releases.skipped).toEqual(['resource:default/broken']);

    const calendar = releaseCalendarWithServed({}, releases);
    expect(Object.keys(calendar.nkp)).toContain('2.18');
    expect(calendar.warnings).toContain(
      'NKP release entity resource:default/broken skipped: it has no release version',
    );
  });
});
