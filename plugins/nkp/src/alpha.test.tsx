import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import nkpPlugin from './alpha';

describe('nkp plugin (new frontend system)', () => {
  it('provides the fleet page, the API and the cluster card', () => {
    const card = nkpPlugin.getExtension('entity-card:nkp/cluster');
    const filter = createExtensionTester(card).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'x', annotations: { 'nkp-lifecycle.io/source': 'demo' } },
        spec: { type: 'kubernetes-cluster' },
      }),
    ).toBe(true);
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'y' },
      }),
    ).toBe(false);
    expect(nkpPlugin.getExtension('page:nkp')).toBeDefined();
    expect(nkpPlugin.getExtension('api:nkp')).toBeDefined();
  });
});
