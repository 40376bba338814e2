/*
 * The OpenID Connect auth API: the browser side of the backend's `oidc` provider
 * (@backstage/plugin-auth-backend-module-oidc-provider), for NKP's Dex in production and the
 * development issuer in the demo.
 */
import {
  ApiBlueprint,
  BackstageIdentityApi,
  configApiRef,
  createApiRef,
  discoveryApiRef,
  oauthRequestApiRef,
  OAuthApi,
  OpenIdConnectApi,
  ProfileInfoApi,
  SessionApi,
} from '@backstage/frontend-plugin-api';
import { OAuth2 } from '@backstage/core-app-api';

export const oidcAuthApiRef = createApiRef<
  OAuthApi &
    OpenIdConnectApi &
    ProfileInfoApi &
    BackstageIdentityApi &
    SessionApi
>().with({ id: 'auth.oidc', pluginId: 'app' });

/** What the sign-in page and the login popup call the provider (`app.signIn`). */
export function providerTexts(config: {
  getOptionalString(key: string): string | undefined;
}) {
  return {
    title:
      config.getOptionalString('app.signIn.providerTitle') ?? 'OpenID Connect',
    message:
      config.getOptionalString('app.signIn.providerMessage') ??
      'Sign in with your organisation account',
  };
}

export const oidcAuthApi = ApiBlueprint.make({
  name: 'oidc-auth',
  params: defineParams =>
    defineParams({
      api: oidcAuthApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        oauthRequestApi: oauthRequestApiRef,
        configApi: configApiRef,
      },
      factory: ({ discoveryApi, oauthRequestApi, configApi }) =>
        OAuth2.create({
          configApi,
          discoveryApi,
          oauthRequestApi,
          provider: {
            id: 'oidc',
            title: providerTexts(configApi).title,
            icon: () => null,
          },
          environment: configApi.getOptionalString('auth.environment'),
          defaultScopes: ['openid', 'profile', 'email'],
        }),
    }),
});
