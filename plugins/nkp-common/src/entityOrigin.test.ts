import { Entity } from '@backstage/catalog-model';
import {
  nkpFactsOf,
  nkpLocationRef,
  nkpProviderSourceOf,
} from './entityOrigin';

const entity = (
  annotations: Record<string, string>,
  spec: Entity['spec'] = { type: 'kubernetes-cluster' },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'demo-acme-prod', annotations },
  spec,
});

const fromProvider = {
  'backstage.io/managed-by-location': 'nkp:demo',
  'backstage.io/managed-by-origin-location': 'nkp:demo',
  'nkp-lifecycle.io/source': 'demo',
};

describe('nkpLocationRef', () => {
  it('is the location type nkp with the source id as target', () => {
    expect(nkpLocationRef('demo')).toBe('nkp:demo');
  });
});

describe('nkpProviderSourceOf', () => {
  it.each`
    case                                              | annotations                                                                                    | expected
    ${'an entity the NKP provider emitted'}           | ${fromProvider}                                                                                | ${'demo'}
    ${'a look-alike from a registered file'}          | ${{ ...fromProvider, 'backstage.io/managed-by-location': 'file:/tmp/fake.yaml' }}              | ${undefined}
    ${'a look-alike whose origin is a user location'} | ${{ ...fromProvider, 'backstage.io/managed-by-origin-location': 'url:https://git.example/x' }} | ${undefined}
    ${'an entity of one source claiming another'}     | ${{ ...fromProvider, 'nkp-lifecycle.io/source': 'hooli' }}                                     | ${undefined}
    ${'an entity without a source annotation'}        | ${{ 'backstage.io/managed-by-location': 'nkp:demo' }}                                          | ${undefined}
    ${'an entity without any annotation'}             | ${{}}                                                                                          | ${undefined}
  `('$case → $expected', ({ annotations, expected }) => {
    expect(nkpProviderSourceOf(entity(annotations))).toBe(expected);
  });
});

describe('nkpFactsOf', () => {
  it('lists the NKP annotations and the release type, nothing else', () => {
    expect(
      nkpFactsOf(
        entity(
          {
            'backstage.io/managed-by-location': 'file:/tmp/fake.yaml',
            'nkp-lifecycle.io/release-version': '2.17.0',
            'nkp-lifecycle.io/end-of-life-date': '2030-01-01',
          },
          { type: 'nkp-release' },
        ),
      ),
    ).toEqual([
      'nkp-lifecycle.io/release-version',
      'nkp-lifecycle.io/end-of-life-date',
      'spec.type: nkp-release',
    ]);
  });

  it('is empty for an ordinary entity', () => {
    expect(
      nkpFactsOf(entity({ 'backstage.io/techdocs-ref': 'dir:.' })),
    ).toEqual([]);
  });
});
