/**
 * The NKP field extensions reach the scaffolder of this app: the app discovers its plugins from
 * package.json (`app.packages: all`), and with the scaffolder and NKP plugins installed, the
 * scaffolder's form-fields API loads every NKP field the cluster request template uses.
 */
import { useApi } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import scaffolderPlugin, {
  formFieldsApiRef,
} from '@backstage/plugin-scaffolder/alpha';
import nkpPlugin from '@nkp-lifecycle/backstage-plugin-nkp/alpha';
import { screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import packageJson from '../package.json';

const NKP_FIELDS = [
  'NkpDeliveryPicker',
  'NkpManagementClusterPicker',
  'NkpOwnerGroupPicker',
  'NkpPlacementPicker',
  'NkpProjectsPicker',
  'NkpSizePicker',
  'NkpVersionPicker',
  'NkpWorkspacePicker',
];

/** The names of the form fields the scaffolder would offer templates. */
const FormFieldNames = () => {
  const formFieldsApi = useApi(formFieldsApiRef);
  const [names, setNames] = useState<string[]>();
  useEffect(() => {
    formFieldsApi
      .loadFormFields()
      .then(fields =>
        setNames((fields as unknown as { name: string }[]).map(f => f.name)),
      );
  }, [formFieldsApi]);
  if (!names) return null;
  return <div data-testid="fields">{names.sort().join(',')}</div>;
};

describe('scaffolder field extensions in the app', () => {
  it('installs the scaffolder and the NKP plugin, which discovery picks up', () => {
    expect(Object.keys(packageJson.dependencies)).toEqual(
      expect.arrayContaining([
        '@backstage/plugin-scaffolder',
        '@nkp-lifecycle/backstage-plugin-nkp',
      ]),
    );
  });

  it("loads every NKP field into the scaffolder's form fields", async () => {
    await renderInTestApp(<FormFieldNames />, {
      features: [scaffolderPlugin, nkpPlugin],
    });
    const names = (await screen.findByTestId('fields')).textContent!.split(',');
    expect(names.filter(n => n.startsWith('Nkp'))).toEqual(NKP_FIELDS);
  });
});
