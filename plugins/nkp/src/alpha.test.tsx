import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import nkpPlugin from './alpha';

const cluster = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x', annotations: { 'nkp-lifecycle.io/source': 'demo' } },
  spec: { type: 'kubernetes-cluster' },
};
const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  spec: { type: 'team', children: [] },
};
const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'y' },
};

describe('nkp plugin (new frontend system)', () => {
  it('provides the API and the NKP page with its tabs', () => {
    expect(nkpPlugin.getExtension('api:nkp')).toBeDefined();
    expect(nkpPlugin.getExtension('page:nkp')).toBeDefined();
    const tabs = [
      'overview',
      'my-deadlines',
      'clusters',
      'plans',
      'exceptions',
      'calendar',
    ] as const;
    for (const tab of tabs) {
      expect(nkpPlugin.getExtension(`sub-page:nkp/${tab}`)).toBeDefined();
    }
  });

  it('puts the cluster card on NKP clusters only', () => {
    const card = nkpPlugin.getExtension('entity-card:nkp/cluster');
    const filter = createExtensionTester(card).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(cluster)).toBe(true);
    expect(filter(component)).toBe(false);
    expect(filter(group)).toBe(false);
  });

  it('puts the deadlines card on groups', () => {
    const card = nkpPlugin.getExtension('entity-card:nkp/group-deadlines');
    const filter = createExtensionTester(card).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(group)).toBe(true);
    expect(filter(cluster)).toBe(false);
  });
});
