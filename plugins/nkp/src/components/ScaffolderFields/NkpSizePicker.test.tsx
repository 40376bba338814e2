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
import { nkpSizePicker } from './NkpSizePicker';

const server = setupServer();
registerMswTestHooks(server);

beforeEach(() =>
  server.use(
    http.get(`${nkpBaseUrl}/golden-path/options`, () =>
      HttpResponse.json(goldenPathOptions),
    ),
  ),
);

const medium = {
  preset: 'medium',
  controlPlaneNodes: 3,
  workers: 3,
  vcpus: 4,
  memoryGiB: 16,
  diskGiB: 80,
};

describe('NkpSizePicker', () => {
  it('starts from the medium preset and switches presets', async () => {
    const field = await renderField(nkpSizePicker);
    await waitFor(() => expect(field.value()).toEqual(medium));
    await userEvent.click(
      await screen.findByRole('button', { name: /Preset/ }),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: /^Large/,
      }),
    );
    expect(field.value()).toEqual({
      preset: 'large',
      controlPlaneNodes: 3,
      workers: 6,
      vcpus: 8,
      memoryGiB: 32,
      diskGiB: 160,
    });
    expect(screen.getByRole('spinbutton', { name: /Workers/ })).toHaveValue(6);
  });

  it('starts from the medium preset when the form starts the object as {}', async () => {
    const field = await renderField(nkpSizePicker, {
      value: {} as typeof medium,
    });
    await waitFor(() => expect(field.value()).toEqual(medium));
  });

  it('edits a value within its range, which makes the size custom', async () => {
    const field = await renderField(nkpSizePicker, { value: medium });
    const workers = await screen.findByRole('spinbutton', { name: /Workers/ });
    expect(workers).toHaveAttribute('min', '1');
    expect(workers).toHaveAttribute('max', '20');
    await userEvent.clear(workers);
    await userEvent.type(workers, '12');
    expect(field.value()).toEqual({
      ...medium,
      preset: undefined,
      workers: 12,
    });
    expect(screen.getByRole('button', { name: /Preset/ })).toHaveTextContent(
      'Custom',
    );
  });

  it('says under the input what is out of range', async () => {
    await renderField(nkpSizePicker, { value: medium });
    const memory = await screen.findByRole('spinbutton', {
      name: /Memory per node/,
    });
    await userEvent.clear(memory);
    await userEvent.type(memory, '512');
    expect(memory).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'Memory per node (GiB): must be a whole number from 4 to 256, not 512',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    ['the medium preset', medium, []],
    [
      'an even control plane and too many workers',
      { ...medium, controlPlaneNodes: 2, workers: 21 },
      [
        'Control-plane nodes: must be one of 1, 3, 5, not 2',
        'Workers: must be a whole number from 1 to 20, not 21',
      ],
    ],
    [
      'a fraction and a missing disk',
      { ...medium, vcpus: 2.5, diskGiB: undefined },
      [
        'vCPUs per node: must be a whole number from 2 to 32, not 2.5',
        'Disk per node (GiB): must be a whole number from 40 to 1000',
      ],
    ],
  ])('validates %s', async (_, value, errors) => {
    expect(await validate(nkpSizePicker, value as any)).toEqual(errors);
  });
});
