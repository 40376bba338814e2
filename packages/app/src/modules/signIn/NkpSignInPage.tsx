import { SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef, providerTexts } from './oidcAuthApi';

/** The sign-in page: the one OpenID Connect provider, named as app-config says (`app.signIn`). */
export function NkpSignInPage(props: SignInPageProps) {
  const { title, message } = providerTexts(useApi(configApiRef));
  return (
    <SignInPage
      {...props}
      title="Sign in to NKP Lifecycle"
      providers={[
        { id: 'oidc-auth-provider', title, message, apiRef: oidcAuthApiRef },
      ]}
    />
  );
}
