import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NkpSignInPage } from './NkpSignInPage';
import { oidcAuthApiRef } from './oidcAuthApi';

function oidcApi() {
  return {
    getBackstageIdentity: jest.fn(async (options?: { optional?: boolean }) =>
      options?.optional
        ? undefined
        : {
            id: 'gina',
            token: 'token',
            identity: {
              type: 'user' as const,
              userEntityRef: 'user:default/gina',
              ownershipEntityRefs: [
                'user:default/gina',
                'group:default/team-globex',
              ],
            },
          },
    ),
    getProfile: jest.fn(async () => ({ email: 'gina@demo.example' })),
    getIdToken: jest.fn(),
    getAccessToken: jest.fn(),
    signIn: jest.fn(),
    signOut: jest.fn(),
    sessionState$: jest.fn(),
  };
}

describe('NkpSignInPage', () => {
  it.each`
    config                                                                     | title               | message
    ${{ providerTitle: 'NKP (Dex)', providerMessage: 'Use your NKP account' }} | ${'NKP (Dex)'}      | ${'Use your NKP account'}
    ${{}}                                                                      | ${'OpenID Connect'} | ${'Sign in with your organisation account'}
  `(
    'offers the OpenID Connect provider as "$title"',
    async ({ config, title, message }) => {
      await renderInTestApp(<NkpSignInPage onSignInSuccess={jest.fn()} />, {
        config: { app: { title: 'NKP Lifecycle', signIn: config } },
        apis: [[oidcAuthApiRef, oidcApi()]],
      });
      expect(await screen.findByText(title)).toBeInTheDocument();
      expect(screen.getByText(message)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Sign In' })).toBeEnabled();
      // No guest
      expect(screen.queryByText(/guest/i)).not.toBeInTheDocument();
    },
  );

  it('signs in through the OpenID Connect API', async () => {
    const api = oidcApi();
    const onSignInSuccess = jest.fn();
    await renderInTestApp(<NkpSignInPage onSignInSuccess={onSignInSuccess} />, {
      config: { app: { title: 'NKP Lifecycle' } },
      apis: [[oidcAuthApiRef, api]],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign In' }),
    );
    expect(api.getBackstageIdentity).toHaveBeenCalledWith({
      instantPopup: true,
    });
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
  });
});
