import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogEntities } from '../../__fixtures__/goldenPath';
import { renderField, validate } from '../../__testUtils__/renderField';
import { nkpManagementClusterPicker } from './NkpManagementClusterPicker';

const second = {
  ...catalogEntities.find(e => e.metadata.name === 'nkp-mgmt')!,
  metadata: {
    ...catalogEntities.find(e => e.metadata.name === 'nkp-mgmt')!.metadata,
    name: 'nkp-mgmt-eu',
    title: 'EU management cluster',
  },
};

describe('NkpManagementClusterPicker', () => {
  it('lists the NKP management clusters with their versions, and nothing else', async () => {
    const field = await renderField(nkpManagementClusterPicker, {
      siblings: { operation: 'managed' },
      entities: [...catalogEntities, second],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Management cluster/ }),
    );
    const list = within(await screen.findByRole('listbox'));
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual([
      'demo management cluster (NKP 2.17.1, Kubernetes 1.34.3)',
      'EU management cluster (NKP 2.17.1, Kubernetes 1.34.3)',
    ]);
    await userEvent.click(list.getByRole('option', { name: /EU management/ }));
    expect(field.value()).toBe('resource:default/nkp-mgmt-eu');
  });

  it('chooses the only one, and clears it for a self-managed cluster', async () => {
    const field = await renderField(nkpManagementClusterPicker, {
      siblings: { operation: 'managed' },
      entities: catalogEntities,
    });
    await waitFor(() =>
      expect(field.value()).toBe('resource:default/nkp-mgmt'),
    );
    field.setSiblings({ operation: 'self-managed' });
    await waitFor(() => expect(field.value()).toBeUndefined());
    expect(
      screen.queryByRole('button', { name: /Management cluster/ }),
    ).toBeNull();
  });

  it('says so when the catalog knows no management cluster', async () => {
    await renderField(nkpManagementClusterPicker, {
      siblings: { operation: 'managed' },
      entities: catalogEntities.filter(e => e.metadata.name !== 'nkp-mgmt'),
    });
    expect(
      await screen.findByText(/The catalog knows no NKP management cluster/),
    ).toBeInTheDocument();
  });

  it.each([
    ['a management cluster', 'managed', 'resource:default/nkp-mgmt', []],
    [
      'a managed cluster',
      'managed',
      'resource:default/acme-prod',
      [
        'Management cluster: "resource:default/acme-prod" is not an NKP management cluster in the catalog (one of: resource:default/nkp-mgmt)',
      ],
    ],
    [
      "a user's look-alike",
      'managed',
      'resource:default/rogue-mgmt',
      [
        'Management cluster: "resource:default/rogue-mgmt" is not an NKP management cluster in the catalog (one of: resource:default/nkp-mgmt)',
      ],
    ],
    [
      'nothing for a managed cluster',
      'managed',
      undefined,
      ['Management cluster: choose an NKP management cluster in the catalog'],
    ],
    ['nothing for a self-managed cluster', 'self-managed', undefined, []],
  ])('validates %s', async (_, operation, value, errors) => {
    expect(
      await validate(nkpManagementClusterPicker, value as string, {
        formData: { operation },
        entities: catalogEntities,
      }),
    ).toEqual(errors);
  });
});
