import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import nkpPlugin from './alpha';

/** Extension name → `ui:field` name, as the README and the template use them. */
const FORM_FIELDS = [
  ['owner-group-picker', 'NkpOwnerGroupPicker'],
  ['workspace-picker', 'NkpWorkspacePicker'],
  ['projects-picker', 'NkpProjectsPicker'],
  ['management-cluster-picker', 'NkpManagementClusterPicker'],
  ['version-picker', 'NkpVersionPicker'],
  ['size-picker', 'NkpSizePicker'],
  ['placement-picker', 'NkpPlacementPicker'],
  ['delivery-picker', 'NkpDeliveryPicker'],
] as const;

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

  it.each(FORM_FIELDS)(
    'provides the form field scaffolder-form-field:nkp/%s (ui:field %s), loaded with its validation',
    async (name, uiField) => {
      const extension = nkpPlugin.getExtension(
        `scaffolder-form-field:nkp/${name}`,
      );
      const load = createExtensionTester(extension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      );
      const field = (await load()) as unknown as {
        name: string;
        component: unknown;
        validation: unknown;
        schema: { schema: { returnValue: unknown } };
      };
      expect(field.name).toBe(uiField);
      expect(typeof field.component).toBe('function');
      expect(typeof field.validation).toBe('function');
      expect(field.schema.schema.returnValue).toBeDefined();
    },
  );
});
