import { Entity } from '@backstage/catalog-model';
import { entityDelta, fingerprintsOf } from './entityDelta';

const resource = (name: string, version: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: { 'nkp-lifecycle.io/kubernetes-version': version },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/a' },
});

describe('entityDelta', () => {
  const before = fingerprintsOf([
    resource('a', '1.33.5'),
    resource('b', '1.34.3'),
    resource('c', '1.34.3'),
  ]);

  it('adds new and changed entities and removes vanished ones', () => {
    const delta = entityDelta(before, [
      resource('a', '1.33.5'),
      resource('b', '1.35.0'),
      resource('d', '1.34.3'),
    ]);
    expect(delta.added.map(e => e.metadata.name)).toEqual(['b', 'd']);
    expect(delta.removed).toEqual(['resource:default/c']);
    expect([...delta.fingerprints.keys()]).toEqual([
      'resource:default/a',
      'resource:default/b',
      'resource:default/d',
    ]);
  });

  it('finds nothing when nothing changed', () => {
    const delta = entityDelta(before, [
      resource('a', '1.33.5'),
      resource('b', '1.34.3'),
      resource('c', '1.34.3'),
    ]);
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([]);
  });
});
