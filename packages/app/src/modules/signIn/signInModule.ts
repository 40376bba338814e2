import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

/** Replaces the app's default (guest) sign-in page with OpenID Connect sign-in. */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => import('./NkpSignInPage').then(m => m.NkpSignInPage),
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});
