import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogEntities } from '../../__fixtures__/goldenPath';
import { renderField, validate } from '../../__testUtils__/renderField';
import { nkpWorkspacePicker } from './NkpWorkspacePicker';

const open = async (name: RegExp) => {
  await userEvent.click(await screen.findByRole('button', { name }));
  return within(await screen.findByRole('listbox'));
};

describe('NkpWorkspacePicker', () => {
  it("lists the NKP workspaces of the chosen owner, never a user's look-alike", async () => {
    const field = await renderField(nkpWorkspacePicker, {
      siblings: { owner: 'group:default/team-acme' },
      entities: catalogEntities,
    });
    const list = await open(/Workspace/);
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual([
      'ACME (acme)',
      'ACME Labs (acme-labs)',
    ]);
    await userEvent.click(
      list.getByRole('option', { name: 'ACME Labs (acme-labs)' }),
    );
    expect(field.value()).toBe('domain:default/acme-labs');
  });

  it('chooses the only workspace, and clears it when the owner changes', async () => {
    const field = await renderField(nkpWorkspacePicker, {
      siblings: { owner: 'group:default/team-globex' },
      entities: catalogEntities,
    });
    await waitFor(() => expect(field.value()).toBe('domain:default/globex'));
    field.setSiblings({ owner: 'group:default/team-acme' });
    await waitFor(() => expect(field.value()).toBeUndefined());
    expect(
      await screen.findByRole('button', { name: /Workspace/ }),
    ).toBeInTheDocument();
  });

  it('asks for the owner first', async () => {
    await renderField(nkpWorkspacePicker, { entities: catalogEntities });
    expect(
      screen.getByText('Choose the owning group first.'),
    ).toBeInTheDocument();
  });

  it('says so when the group owns no workspace', async () => {
    await renderField(nkpWorkspacePicker, {
      siblings: { owner: 'group:default/team-initech' },
      entities: catalogEntities,
    });
    expect(
      await screen.findByText(
        /team-initech owns no NKP workspace in the catalog/,
      ),
    ).toBeInTheDocument();
  });

  it.each([
    ['a workspace of the owner', 'domain:default/acme', []],
    [
      "another group's workspace",
      'domain:default/globex',
      [
        'Workspace: "domain:default/globex" is not an NKP workspace of team-acme (one of: domain:default/acme, domain:default/acme-labs)',
      ],
    ],
    [
      'a look-alike a user registered',
      'domain:default/acme-fake',
      [
        'Workspace: "domain:default/acme-fake" is not an NKP workspace of team-acme (one of: domain:default/acme, domain:default/acme-labs)',
      ],
    ],
    ['nothing', undefined, ['Workspace: choose an NKP workspace of team-acme']],
  ])('validates %s', async (_, value, errors) => {
    expect(
      await validate(nkpWorkspacePicker, value as string, {
        formData: { owner: 'group:default/team-acme' },
        entities: catalogEntities,
      }),
    ).toEqual(errors);
  });
});
