import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorBody, goldenPathOptions } from '../../__fixtures__/goldenPath';
import {
  nkpBaseUrl,
  renderField,
  validate,
} from '../../__testUtils__/renderField';
import { nkpOwnerGroupPicker } from './NkpOwnerGroupPicker';

const server = setupServer();
registerMswTestHooks(server);

const answerOptions = (groups: string[]) =>
  server.use(
    http.get(`${nkpBaseUrl}/golden-path/options`, () =>
      HttpResponse.json({ ...goldenPathOptions, groups }),
    ),
  );

describe('NkpOwnerGroupPicker', () => {
  it('offers the groups the backend allows, by the keyboard', async () => {
    answerOptions(['group:default/team-acme', 'group:default/team-globex']);
    const field = await renderField(nkpOwnerGroupPicker);
    const select = await screen.findByRole('button', { name: /Owning group/ });
    select.focus();
    await userEvent.keyboard('{Enter}');
    const list = await screen.findByRole('listbox');
    expect(
      within(list)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['team-acme', 'team-globex']);
    await userEvent.click(
      within(list).getByRole('option', { name: 'team-globex' }),
    );
    expect(field.value()).toBe('group:default/team-globex');
  });

  it('chooses the only group a tenant has', async () => {
    answerOptions(['group:default/team-acme']);
    const field = await renderField(nkpOwnerGroupPicker);
    await waitFor(() => expect(field.value()).toBe('group:default/team-acme'));
  });

  it('says so when the user may request for no group', async () => {
    answerOptions([]);
    await renderField(nkpOwnerGroupPicker);
    expect(
      await screen.findByText(/not in a group that may request a cluster/),
    ).toBeInTheDocument();
  });

  it("shows the server's words when the options cannot be read, and retries", async () => {
    let calls = 0;
    server.use(
      http.get(`${nkpBaseUrl}/golden-path/options`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(...errorBody(500, 'Error', 'database is down'))
          : HttpResponse.json(goldenPathOptions);
      }),
    );
    await renderField(nkpOwnerGroupPicker);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the groups you may request a cluster for: database is down',
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('button', { name: /Owning group/ }),
    ).not.toHaveAttribute('aria-disabled');
    expect(calls).toBe(2);
  });

  it.each([
    ['one of the groups', 'group:default/team-acme', []],
    ['nothing', undefined, ['Owning group: choose a group of yours']],
    [
      'a group the user is not in',
      'group:default/team-initech',
      [
        'Owning group: "group:default/team-initech" is not a group of yours (one of: group:default/team-acme, group:default/team-globex)',
      ],
    ],
  ])('validates %s', async (_, value, errors) => {
    answerOptions(goldenPathOptions.groups);
    expect(await validate(nkpOwnerGroupPicker, value as string)).toEqual(
      errors,
    );
  });
});
