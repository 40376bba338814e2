/*
 * The OpenID Connect provider (oidc-provider) for the issuer's configuration: authorization code
 * flow for the configured confidential clients, refresh tokens, userinfo, and claims from the
 * user directory. Keys are generated at start, so tokens do not outlive the process.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';
import type { IssuerConfig } from '../config/IssuerConfig';
import { UserDirectory } from '../users/UserDirectory';
import { errorPage } from './loginPage';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  };
}

export function createProvider(
  issuer: string,
  config: IssuerConfig,
  users: UserDirectory,
): Provider {
  const configuration: Configuration = {
    clients: config.clients.map(c => ({
      client_id: c.id,
      client_secret: c.secret,
      client_name: c.name ?? c.id,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [signingKey() as any] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    async findAccount(_ctx, sub) {
      if (!users.find(sub)) {
        return undefined;
      }
      return {
        accountId: sub,
        async claims(_use, scope) {
          return users.claims(sub, new Set(scope.split(' ')))!;
        },
      };
    },
    // Dex hands out refresh tokens for offline_access without prompt=consent; so does this one,
    // so that the portal keeps a session across page loads as it will with Dex.
    async issueRefreshToken(_ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    // Errors the user sees (a bad authorization request): the issuer's own page, no stack trace
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(
        'Sign-in failed',
        String(out.error_description ?? out.error),
      );
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
    },
    ttl: {
      AccessToken: HOUR,
      AuthorizationCode: 60,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: DAY,
      Grant: 14 * DAY,
      RefreshToken: 14 * DAY,
    },
  };
  return new Provider(issuer, configuration);
}
