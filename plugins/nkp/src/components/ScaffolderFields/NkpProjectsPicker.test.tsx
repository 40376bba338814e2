import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogEntities } from '../../__fixtures__/goldenPath';
import { renderField, validate } from '../../__testUtils__/renderField';
import { nkpProjectsPicker } from './NkpProjectsPicker';

describe('NkpProjectsPicker', () => {
  it("lists the workspace's NKP projects and keeps their NKP names", async () => {
    const field = await renderField(nkpProjectsPicker, {
      siblings: { workspace: 'domain:default/acme' },
      entities: catalogEntities,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Projects/ }),
    );
    const list = within(await screen.findByRole('listbox'));
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual([
      'Billing',
      'Shop',
    ]);
    await userEvent.click(list.getByRole('option', { name: 'Shop' }));
    await userEvent.click(list.getByRole('option', { name: 'Billing' }));
    expect(field.value()).toEqual(['shop', 'billing']);
  });

  it('drops projects of another workspace when the workspace changes', async () => {
    const field = await renderField(nkpProjectsPicker, {
      value: ['shop'],
      siblings: { workspace: 'domain:default/acme' },
      entities: catalogEntities,
    });
    await screen.findByRole('button', { name: /Projects/ });
    field.setSiblings({ workspace: 'domain:default/globex' });
    await waitFor(() => expect(field.value()).toEqual([]));
    expect(
      await screen.findByText(/Workspace globex has no NKP projects/),
    ).toBeInTheDocument();
  });

  it('asks for the workspace first', async () => {
    await renderField(nkpProjectsPicker, { entities: catalogEntities });
    expect(screen.getByText('Choose the workspace first.')).toBeInTheDocument();
  });

  it.each([
    ['no project (they are optional)', [], []],
    ['projects of the workspace', ['shop', 'billing'], []],
    [
      'a project of no workspace of ours',
      ['shop', 'payroll'],
      ['Projects: payroll is not a project of workspace acme'],
    ],
  ])('validates %s', async (_, value, errors) => {
    expect(
      await validate(nkpProjectsPicker, value, {
        formData: { workspace: 'domain:default/acme' },
        entities: catalogEntities,
      }),
    ).toEqual(errors);
  });
});
