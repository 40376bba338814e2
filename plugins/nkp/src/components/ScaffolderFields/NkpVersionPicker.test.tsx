import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  errorBody,
  managedVersions,
  selfManagedVersions,
} from '../../__fixtures__/goldenPath';
import {
  nkpBaseUrl,
  renderField,
  validate,
} from '../../__testUtils__/renderField';
import { nkpVersionPicker } from './NkpVersionPicker';

const server = setupServer();
registerMswTestHooks(server);

/** Answers the versions route like the backend, and records what it was asked. */
function answerVersions() {
  const queries: Array<Record<string, string>> = [];
  server.use(
    http.get(`${nkpBaseUrl}/golden-path/versions`, ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      if (query.operation === 'self-managed') {
        return HttpResponse.json(selfManagedVersions);
      }
      if (query.managementCluster === 'resource:default/nkp-mgmt') {
        return HttpResponse.json(managedVersions);
      }
      return HttpResponse.json(
        ...errorBody(
          400,
          'InputError',
          'managementCluster: resource:default/x is not a management cluster',
        ),
      );
    }),
  );
  return queries;
}

describe('NkpVersionPicker', () => {
  it('offers what the policy allows with its support end, and defaults to the recommended one', async () => {
    const queries = answerVersions();
    const field = await renderField(nkpVersionPicker, {
      siblings: {
        operation: 'managed',
        managementCluster: 'resource:default/nkp-mgmt',
      },
    });
    const group = await screen.findByRole('radiogroup', { name: /Version/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map(r => r.closest('label')!.textContent)).toEqual([
      'NKP 2.17.1 / Kubernetes 1.34.3 (recommended)supported until 2027-10-28 (330 days left)',
      'NKP 2.17.1 / Kubernetes 1.33.5supported until 2027-06-28 (208 days left)',
    ]);
    await waitFor(() =>
      expect(field.value()).toEqual({ nkp: '2.17.1', kubernetes: '1.34.3' }),
    );
    expect(radios[0]).toBeChecked();
    // Keyboard: the arrow moves the choice
    radios[0].focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(field.value()).toEqual({ nkp: '2.17.1', kubernetes: '1.33.5' });
    expect(queries).toEqual([
      { operation: 'managed', managementCluster: 'resource:default/nkp-mgmt' },
    ]);
  });

  it('lists the hidden versions with the reason on request', async () => {
    answerVersions();
    await renderField(nkpVersionPicker, {
      siblings: {
        operation: 'managed',
        managementCluster: 'resource:default/nkp-mgmt',
      },
    });
    const toggle = await screen.findByRole('checkbox', {
      name: 'Show versions the policy does not allow',
    });
    expect(screen.queryByRole('list', { name: /does not allow/ })).toBeNull();
    await userEvent.click(toggle);
    const hidden = screen.getByRole('list', {
      name: 'Versions the policy does not allow',
    });
    expect(hidden).toHaveTextContent(
      'NKP 2.14.0 / Kubernetes 1.31.4: Kubernetes 1.31 is past its end of life',
    );
    // Not choosable
    expect(within(hidden).queryByRole('radio')).toBeNull();
  });

  it('fetches again when the operation changes and replaces a version no longer allowed', async () => {
    const queries = answerVersions();
    const field = await renderField(nkpVersionPicker, {
      siblings: {
        operation: 'managed',
        managementCluster: 'resource:default/nkp-mgmt',
      },
    });
    await waitFor(() =>
      expect(field.value()).toEqual({ nkp: '2.17.1', kubernetes: '1.34.3' }),
    );
    field.setSiblings({ operation: 'self-managed' });
    await waitFor(() =>
      expect(field.value()).toEqual({ nkp: '2.16.1', kubernetes: '1.33.5' }),
    );
    expect(queries).toEqual([
      { operation: 'managed', managementCluster: 'resource:default/nkp-mgmt' },
      { operation: 'self-managed' },
    ]);
  });

  it.each([
    [{}, 'Choose how the cluster is operated first.'],
    [{ operation: 'managed' }, 'Choose the management cluster first.'],
  ])('waits for the other fields (%j)', async (siblings, text) => {
    const queries = answerVersions();
    await renderField(nkpVersionPicker, { siblings });
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(queries).toEqual([]);
  });

  it('shows the hidden versions at once when the policy allows none', async () => {
    server.use(
      http.get(`${nkpBaseUrl}/golden-path/versions`, () =>
        HttpResponse.json({ offered: [], hidden: managedVersions.hidden }),
      ),
    );
    const field = await renderField(nkpVersionPicker, {
      value: { nkp: '2.14.0', kubernetes: '1.31.4' },
      siblings: { operation: 'self-managed' },
    });
    expect(
      await screen.findByText(
        /The lifecycle policy allows no version for this choice/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Versions the policy does not allow' }),
    ).toHaveTextContent('Kubernetes 1.31 is past its end of life');
    await waitFor(() => expect(field.value()).toBeUndefined());
  });

  it("shows the backend's message when the versions cannot be read", async () => {
    answerVersions();
    await renderField(nkpVersionPicker, {
      siblings: {
        operation: 'managed',
        managementCluster: 'resource:default/x',
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the versions the policy allows: managementCluster: resource:default/x is not a management cluster',
    );
  });

  it.each([
    ['an offered version', { nkp: '2.17.1', kubernetes: '1.33.5' }, []],
    [
      'a version the policy hides',
      { nkp: '2.14.0', kubernetes: '1.31.4' },
      [
        'Version: NKP 2.14.0 / Kubernetes 1.31.4 is not allowed: Kubernetes 1.31 is past its end of life (allowed: NKP 2.17.1 / Kubernetes 1.34.3, NKP 2.17.1 / Kubernetes 1.33.5)',
      ],
    ],
    [
      'a pair that is no release',
      { nkp: '2.17.1', kubernetes: '1.30.0' },
      [
        'Version: NKP 2.17.1 / Kubernetes 1.30.0 is not an installable release (allowed: NKP 2.17.1 / Kubernetes 1.34.3, NKP 2.17.1 / Kubernetes 1.33.5)',
      ],
    ],
    ['nothing', undefined, ['Version: choose a version']],
  ])('validates %s', async (_, value, errors) => {
    answerVersions();
    expect(
      await validate(nkpVersionPicker, value as any, {
        formData: {
          operation: 'managed',
          managementCluster: 'resource:default/nkp-mgmt',
        },
      }),
    ).toEqual(errors);
  });
});
