/**
 * The fields inside the scaffolder's own form (the installed `Stepper`): a field sees the values
 * of the fields before it, on its page and on earlier ones, and the validations run on Next.
 */
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  catalogEntities,
  goldenPathOptions,
  managedVersions,
} from '../../__fixtures__/goldenPath';
import { nkpBaseUrl } from '../../__testUtils__/renderField';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpClient } from '../../api/NkpClient';
import { NKP_SCAFFOLDER_FIELDS, fieldExtensionOptions } from '.';

const server = setupServer();
registerMswTestHooks(server);

const manifest = {
  title: 'Request a new NKP tenant cluster',
  steps: [
    {
      title: 'Who owns it',
      schema: {
        type: 'object',
        required: ['owner'],
        properties: {
          owner: {
            type: 'string',
            title: 'Owning group',
            'ui:field': 'NkpOwnerGroupPicker',
          },
          workspace: {
            type: 'string',
            title: 'Workspace',
            'ui:field': 'NkpWorkspacePicker',
          },
        },
      },
    },
    {
      title: 'How it is operated',
      schema: {
        type: 'object',
        required: ['operation', 'version'],
        properties: {
          operation: {
            type: 'string',
            title: 'Operation',
            enum: ['managed', 'self-managed'],
            'ui:widget': 'radio',
          },
          managementCluster: {
            type: 'string',
            title: 'Management cluster',
            'ui:field': 'NkpManagementClusterPicker',
          },
          version: {
            type: 'object',
            title: 'Version',
            'ui:field': 'NkpVersionPicker',
          },
        },
      },
    },
  ],
};

describe('the NKP fields in the scaffolder form', () => {
  it('narrow to earlier answers and validate on Next', async () => {
    const versionQueries: string[] = [];
    server.use(
      http.get(`${nkpBaseUrl}/golden-path/options`, () =>
        HttpResponse.json(goldenPathOptions),
      ),
      http.get(`${nkpBaseUrl}/golden-path/versions`, ({ request }) => {
        versionQueries.push(new URL(request.url).search);
        return HttpResponse.json(managedVersions);
      }),
    );
    const onCreate = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            nkpApiRef,
            new NkpClient({
              discoveryApi: mockApis.discovery({
                baseUrl: 'http://localhost:7007',
              }),
              fetchApi: new MockFetchApi(),
            }),
          ],
          [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
        ]}
      >
        <Stepper
          manifest={manifest}
          extensions={Object.values(NKP_SCAFFOLDER_FIELDS).map(f =>
            fieldExtensionOptions<any>(f),
          )}
          onCreate={onCreate}
          // A link may prefill the form (`?formData=`) with a group the user is not in
          initialState={{ owner: 'group:default/team-initech' }}
        />
      </TestApiProvider>,
    );
    // Next: the owner's validation refuses the prefilled group, naming the field
    await screen.findByRole('button', { name: /Owning group/ });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      (
        await screen.findAllByText(
          'Owning group: "group:default/team-initech" is not a group of yours (one of: group:default/team-acme, group:default/team-globex)',
        )
      ).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: /Owning group/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'team-acme',
      }),
    );
    // The workspace field sees the owner chosen beside it
    await userEvent.click(
      await screen.findByRole('button', { name: /Workspace/ }),
    );
    const workspaces = within(screen.getByRole('listbox'));
    expect(workspaces.getAllByRole('option').map(o => o.textContent)).toEqual([
      'ACME (acme)',
      'ACME Labs (acme-labs)',
    ]);
    await userEvent.click(
      workspaces.getByRole('option', { name: 'ACME (acme)' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    // Page 2: the version picker waits for the operation, then asks with the management cluster
    expect(
      await screen.findByText('Choose how the cluster is operated first.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'managed' }));
    expect(
      await screen.findByRole('radio', {
        name: /NKP 2.17.1 \/ Kubernetes 1.34.3 \(recommended\)/,
      }),
    ).toBeChecked();
    await waitFor(() =>
      expect(versionQueries).toContain(
        `?operation=managed&managementCluster=${encodeURIComponent(
          'resource:default/nkp-mgmt',
        )}`,
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        owner: 'group:default/team-acme',
        workspace: 'domain:default/acme',
        operation: 'managed',
        managementCluster: 'resource:default/nkp-mgmt',
        version: { nkp: '2.17.1', kubernetes: '1.34.3' },
      }),
    );
  });
});
