import { Entity } from '@backstage/catalog-model';
import {
  MAX_NAMED_CLUSTER_CHANGES,
  clusterFactsDigest,
  namedClusterChanges,
  parseNkpCatalogChange,
} from './catalogChange';
import { clusterFactsFromEntity } from './clusterFacts';

const cluster = (name: string, kubernetesVersion = '1.33.2'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'nkp-lifecycle.io/source': 'mgmt',
      'nkp-lifecycle.io/cluster-type': 'managed',
      'nkp-lifecycle.io/kubernetes-version': kubernetesVersion,
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
});

const release: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'nkp-2-17-1' },
  spec: { type: 'nkp-release', owner: 'group:default/platform-team' },
};

const workspace: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'tenant-a' },
  spec: { owner: 'group:default/team-a' },
};

describe('clusterFactsDigest', () => {
  const digest = (entity: Entity) =>
    clusterFactsDigest(clusterFactsFromEntity(entity));

  it('is equal for equal facts, also for a copy that went through JSON', () => {
    const entity = cluster('a');
    expect(digest(JSON.parse(JSON.stringify(entity)))).toBe(digest(entity));
  });

  it.each([
    ['another version', cluster('a', '1.34.1')],
    ['another name', cluster('b')],
    [
      'another owner',
      { ...cluster('a'), spec: { ...cluster('a').spec, owner: 'team-b' } },
    ],
  ])('differs for %s', (_, other) => {
    expect(digest(other)).not.toBe(digest(cluster('a')));
  });

  it('ignores what the policy does not read (labels, status, relations)', () => {
    const decorated = {
      ...cluster('a'),
      metadata: { ...cluster('a').metadata, labels: { x: 'y' }, uid: '1' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
    };
    expect(digest(decorated)).toBe(digest(cluster('a')));
  });
});

describe('namedClusterChanges', () => {
  it('names added clusters with their digest and removed entities with null', () => {
    const named = namedClusterChanges(
      [cluster('a'), workspace],
      ['resource:default/gone'],
    );
    expect(named).toEqual([
      {
        entityRef: 'resource:default/a',
        facts: clusterFactsDigest(clusterFactsFromEntity(cluster('a'))),
      },
      { entityRef: 'resource:default/gone', facts: null },
    ]);
  });

  it.each([
    ['an NKP release changed (the calendar)', [cluster('a'), release], []],
    [
      'more clusters than can be named',
      Array.from({ length: MAX_NAMED_CLUSTER_CHANGES + 1 }, (_, i) =>
        cluster(`c${i}`),
      ),
      [],
    ],
  ])('names nothing when %s', (_, added, removed) => {
    expect(namedClusterChanges(added, removed)).toBeUndefined();
  });
});

describe('parseNkpCatalogChange', () => {
  const delta = {
    provider: 'nkp:mgmt',
    mutation: 'delta',
    entities: 1,
    clusters: [{ entityRef: 'resource:default/a', facts: 'abc' }],
  };

  it('reads a named delta', () => {
    expect(parseNkpCatalogChange(delta)).toEqual(delta);
  });

  it.each([
    ['not an object', 'delta'],
    ['no provider', { ...delta, provider: undefined }],
    ['an unknown mutation', { ...delta, mutation: 'partial' }],
    ['no entity count', { ...delta, entities: '1' }],
  ])('refuses %s', (_, payload) => {
    expect(parseNkpCatalogChange(payload)).toBeUndefined();
  });

  it.each([
    ['a full mutation', { ...delta, mutation: 'full' }],
    ['a malformed cluster', { ...delta, clusters: [{ entityRef: 1 }] }],
    [
      'too many clusters',
      {
        ...delta,
        clusters: Array.from(
          { length: MAX_NAMED_CLUSTER_CHANGES + 1 },
          () => delta.clusters[0],
        ),
      },
    ],
  ])('reads %s as unnamed (the whole fleet)', (_, payload) => {
    const change = parseNkpCatalogChange(payload);
    expect(change).toBeDefined();
    expect(change!.clusters).toBeUndefined();
  });
});
