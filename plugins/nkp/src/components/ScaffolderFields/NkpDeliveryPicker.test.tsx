import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { goldenPathOptions } from '../../__fixtures__/goldenPath';
import {
  nkpBaseUrl,
  renderField,
  validate,
} from '../../__testUtils__/renderField';
import { nkpDeliveryPicker } from './NkpDeliveryPicker';

const server = setupServer();
registerMswTestHooks(server);

const answerOptions = (direct: boolean) =>
  server.use(
    http.get(`${nkpBaseUrl}/golden-path/options`, () =>
      HttpResponse.json({
        ...goldenPathOptions,
        delivery: { ...goldenPathOptions.delivery, direct },
      }),
    ),
  );

describe('NkpDeliveryPicker', () => {
  it('defaults to the GitOps pull request and names where it goes', async () => {
    answerOptions(true);
    const field = await renderField(nkpDeliveryPicker, {
      siblings: { operation: 'managed' },
    });
    await waitFor(() => expect(field.value()).toBe('gitops'));
    expect(
      screen.getByRole('radio', { name: /GitOps pull request/ }),
    ).toBeChecked();
    expect(
      screen.getByText(
        /A pull request to github.com\/nkp-demo\/fleet \(branch main\)/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('radio', {
        name: /Apply directly to the management cluster/,
      }),
    );
    expect(field.value()).toBe('direct');
  });

  it.each([
    ['the user may not apply', false, 'managed'],
    ['the cluster is self-managed', true, 'self-managed'],
  ])(
    'does not offer a direct apply when %s, and falls back to GitOps',
    async (_, direct, operation) => {
      answerOptions(direct);
      const field = await renderField(nkpDeliveryPicker, {
        value: 'direct' as const,
        siblings: { operation },
      });
      await waitFor(() => expect(field.value()).toBe('gitops'));
      expect(screen.getAllByRole('radio')).toHaveLength(1);
      expect(
        screen.queryByRole('radio', { name: /Apply directly/ }),
      ).toBeNull();
    },
  );

  it.each([
    ['GitOps', 'gitops', true, 'managed', []],
    ['a direct apply the user may do', 'direct', true, 'managed', []],
    [
      'a direct apply without the permission',
      'direct',
      false,
      'managed',
      [
        'Delivery: you may not apply directly (nkp.cluster.apply); choose the GitOps pull request',
      ],
    ],
    [
      'a direct apply of a self-managed cluster',
      'direct',
      true,
      'self-managed',
      [
        'Delivery: a direct apply needs a management cluster; choose the GitOps pull request',
      ],
    ],
  ])('validates %s', async (_, value, direct, operation, errors) => {
    answerOptions(direct);
    expect(
      await validate(nkpDeliveryPicker, value as any, {
        formData: { operation },
      }),
    ).toEqual(errors);
  });
});
