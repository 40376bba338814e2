import { Entity } from '@backstage/catalog-model';
import { appliedEntitiesOf, entityDelta, patchedDelta } from './entityDelta';

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
  const a = resource('a', '1.33.5');
  const before = () =>
    appliedEntitiesOf([a, resource('b', '1.34.3'), resource('c', '1.34.3')]);

  it('adds new and changed entities and removes vanished ones', () => {
    const delta = entityDelta(before(), [
      a,
      resource('b', '1.35.0'),
      resource('d', '1.34.3'),
    ]);
    expect(delta.added.map(e => e.metadata.name)).toEqual(['b', 'd']);
    expect(delta.removed).toEqual(['resource:default/c']);
    expect([...delta.applied.keys()]).toEqual([
      'resource:default/a',
      'resource:default/b',
      'resource:default/d',
    ]);
  });

  it('finds nothing when nothing changed, whether the same objects or equal new ones', () => {
    const delta = entityDelta(before(), [
      a,
      resource('b', '1.34.3'),
      resource('c', '1.34.3'),
    ]);
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([]);
  });
});

describe('patchedDelta', () => {
  const cases: Array<[string, (applied: Entity) => Entity, boolean]> = [
    ['the applied object', applied => applied, true],
    ['an equal new object', () => resource('a', '1.33.5'), true],
    ['a changed object', () => resource('a', '1.34.0'), false],
    ['a new reference', () => resource('e', '1.34.0'), false],
  ];
  it.each(cases)('compares %s with what was applied', (_, change, same) => {
    const applied = resource('a', '1.33.5');
    const previous = appliedEntitiesOf([applied]);
    const changed = change(applied);
    const delta = patchedDelta(previous, [changed]);
    expect(delta.added).toEqual(same ? [] : [changed]);
    delta.apply();
    expect(previous.get(`resource:default/${changed.metadata.name}`)).toBe(
      same ? applied : changed,
    );
  });
});
