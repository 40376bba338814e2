import { Entity } from '@backstage/catalog-model';
import { clusterFactsFromEntity, isNkpCluster } from './clusterFacts';

const cluster = (
  annotations: Record<string, string>,
  overrides: Partial<Entity> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'demo-acme-prod', annotations },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-acme' },
  ...overrides,
});

describe('isNkpCluster', () => {
  it.each([
    [
      'an NKP cluster resource',
      cluster({ 'nkp-lifecycle.io/source': 'demo' }),
      true,
    ],
    ['a cluster from elsewhere', cluster({}), false],
    [
      'an NKP-annotated component',
      cluster({ 'nkp-lifecycle.io/source': 'demo' }, { kind: 'Component' }),
      false,
    ],
  ])('%s → %p', (_name, entity, expected) => {
    expect(isNkpCluster(entity)).toBe(expected);
  });
});

describe('clusterFactsFromEntity', () => {
  it('reads every NKP annotation', () => {
    const facts = clusterFactsFromEntity(
      cluster({
        'nkp-lifecycle.io/source': 'demo',
        'nkp-lifecycle.io/nkp-version': '2.16.1',
        'nkp-lifecycle.io/kubernetes-version': '1.33.2',
        'nkp-lifecycle.io/cluster-type': 'managed',
        'nkp-lifecycle.io/management-cluster': 'demo-host-cluster',
        'nkp-lifecycle.io/phase': 'Provisioned',
        'nkp-lifecycle.io/workspace': 'acme-retail',
        'nkp-lifecycle.io/projects': 'storefront, checkout',
      }),
    );
    expect(facts).toEqual({
      entityRef: 'resource:default/demo-acme-prod',
      name: 'demo-acme-prod',
      title: undefined,
      owner: 'group:default/team-acme',
      clusterType: 'managed',
      nkpVersion: '2.16.1',
      kubernetesVersion: '1.33.2',
      managementCluster: 'demo-host-cluster',
      phase: 'Provisioned',
      workspace: 'acme-retail',
      projects: ['storefront', 'checkout'],
      source: 'demo',
    });
  });

  it('leaves unknown values undefined instead of guessing', () => {
    const facts = clusterFactsFromEntity(
      cluster({
        'nkp-lifecycle.io/source': 'demo',
        'nkp-lifecycle.io/cluster-type': 'weird',
      }),
    );
    expect(facts.clusterType).toBeUndefined();
    expect(facts.kubernetesVersion).toBeUndefined();
    expect(facts.projects).toEqual([]);
  });
});
