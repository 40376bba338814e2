import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { goldenPathOptions } from '../../__fixtures__/goldenPath';
import {
  nkpBaseUrl,
  renderField,
  validate,
} from '../../__testUtils__/renderField';
import { nkpPlacementPicker } from './NkpPlacementPicker';

const server = setupServer();
registerMswTestHooks(server);

const answerOptions = (prismCentrals = goldenPathOptions.prismCentrals) =>
  server.use(
    http.get(`${nkpBaseUrl}/golden-path/options`, () =>
      HttpResponse.json({ ...goldenPathOptions, prismCentrals }),
    ),
  );

const choose = async (field: RegExp, option: string) => {
  await userEvent.click(screen.getByRole('button', { name: field }));
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
};

describe('NkpPlacementPicker', () => {
  it('fills in what has one choice and offers the lists of the chosen Prism Element cluster', async () => {
    answerOptions();
    const field = await renderField(nkpPlacementPicker);
    // One Prism Central: chosen; two PE clusters: the user picks
    await waitFor(() =>
      expect(field.value()).toMatchObject({ prismCentral: 'pc-demo' }),
    );
    expect(
      screen.getByRole('button', { name: /Prism Central/ }),
    ).toHaveTextContent('Demo Prism Central (https://pc.demo.example:9440)');
    await choose(/Prism Element cluster/, 'pe-demo-2');
    // One subnet there: chosen; two images and containers: the user picks
    expect(field.value()).toMatchObject({
      cluster: 'pe-demo-2',
      subnets: ['vlan-edge'],
    });
    await choose(/Image/, 'nkp-ubuntu-22.04-release-1.33.5');
    await choose(/Storage container/, 'fast');
    await userEvent.type(
      screen.getByRole('textbox', { name: /Control-plane endpoint/ }),
      '10.0.0.10',
    );
    expect(field.value()).toEqual({
      prismCentral: 'pc-demo',
      cluster: 'pe-demo-2',
      subnets: ['vlan-edge'],
      image: 'nkp-ubuntu-22.04-release-1.33.5',
      storageContainer: 'fast',
      controlPlaneEndpoint: '10.0.0.10',
    });
    expect(
      screen.getByText(
        /The lists come from app-config .*no Prism Central API is reachable/,
      ),
    ).toBeInTheDocument();
  });

  it('clears the choices another cluster does not have', async () => {
    answerOptions();
    const field = await renderField(nkpPlacementPicker, {
      value: {
        prismCentral: 'pc-demo',
        cluster: 'pe-demo-2',
        subnets: ['vlan-edge'],
        image: 'nkp-ubuntu-22.04-release-1.33.5',
        storageContainer: 'fast',
        controlPlaneEndpoint: '10.0.0.10',
      },
    });
    await screen.findByRole('button', { name: /Prism Element cluster/ });
    await choose(/Prism Element cluster/, 'pe-demo-1');
    await waitFor(() =>
      expect(field.value()).toEqual({
        prismCentral: 'pc-demo',
        cluster: 'pe-demo-1',
        subnets: [],
        image: 'nkp-rocky-9.6-release-1.34.3',
        storageContainer: 'default-container',
        controlPlaneEndpoint: '10.0.0.10',
      }),
    );
  });

  it('says what is wrong with the endpoint under it', async () => {
    answerOptions();
    await renderField(nkpPlacementPicker);
    const endpoint = await screen.findByRole('textbox', {
      name: /Control-plane endpoint/,
    });
    await userEvent.type(endpoint, '10.0.0.300');
    expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'Control-plane endpoint: "10.0.0.300" is not an IPv4 address such as 10.0.0.10',
      ),
    ).toBeInTheDocument();
  });

  it('says so when no Prism Central is configured', async () => {
    answerOptions([]);
    await renderField(nkpPlacementPicker);
    expect(
      await screen.findByText(/No Prism Central is configured/),
    ).toBeInTheDocument();
  });

  const good = {
    prismCentral: 'pc-demo',
    cluster: 'pe-demo-1',
    subnets: ['vlan-tenants'],
    image: 'nkp-rocky-9.6-release-1.34.3',
    storageContainer: 'default-container',
    controlPlaneEndpoint: '10.0.0.10',
  };
  it.each([
    ['a configured placement', good, []],
    [
      'an unknown Prism Central',
      { ...good, prismCentral: 'pc-other' },
      [
        'Prism Central: "pc-other" is not a configured Prism Central (one of: pc-demo)',
      ],
    ],
    [
      'lists of another cluster and a bad endpoint',
      {
        ...good,
        subnets: ['vlan-edge'],
        storageContainer: 'fast',
        controlPlaneEndpoint: '10.0.0',
      },
      [
        'Subnets: vlan-edge not configured for pe-demo-1',
        'Storage container: "fast" is not a storage container of pe-demo-1 (one of: default-container)',
        'Control-plane endpoint: "10.0.0" is not an IPv4 address such as 10.0.0.10',
      ],
    ],
    [
      'no subnet and no endpoint',
      { ...good, subnets: [], controlPlaneEndpoint: '' },
      [
        'Subnets: choose at least one subnet',
        'Control-plane endpoint: enter the IPv4 address of the control-plane endpoint',
      ],
    ],
  ])('validates %s', async (_, value, errors) => {
    answerOptions();
    expect(await validate(nkpPlacementPicker, value)).toEqual(errors);
  });
});
