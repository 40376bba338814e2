/*
 * The issuer's user interactions: the login form, and consent, which is implicit for the
 * configured clients (they are the platform's own portal, as with a Dex static client).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { UserDirectory } from '../users/UserDirectory';
import { errorPage, loginPage } from './loginPage';

/** Where a user interaction is, and what of it: the form (GET) or a submission (POST …/login). */
export const interactionPath = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

const MAX_FORM_BYTES = 8 * 1024;

export type Log = (message: string) => void;

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

function send(
  res: ServerResponse,
  status: number,
  html: string,
  formAction: string,
) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Redirects after the form posts lead to the clients: form-action must allow them.
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new Error('expected a form (application/x-www-form-urlencoded)');
  }
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) {
      throw new Error('form too large');
    }
  }
  return new URLSearchParams(body);
}

export function createInteractionHandler(options: {
  provider: Provider;
  users: UserDirectory;
  /** Origins the login form may lead to: the issuer itself and the clients' redirect URIs. */
  formAction: string;
  log: Log;
}) {
  const { provider, users, formAction, log } = options;

  async function clientName(interaction: Interaction) {
    const client = await provider.Client.find(
      String(interaction.params.client_id),
    );
    return client?.clientName ?? String(interaction.params.client_id);
  }

  async function showLogin(
    res: ServerResponse,
    interaction: Interaction,
    status = 200,
    attempt?: { username: string },
  ) {
    send(
      res,
      status,
      loginPage({
        action: `/interaction/${interaction.uid}/login`,
        clientName: await clientName(interaction),
        users: users.list(),
        username: attempt?.username,
        failed: !!attempt,
      }),
      formAction,
    );
  }

  async function grantConsent(
    req: IncomingMessage,
    res: ServerResponse,
    interaction: Interaction,
  ) {
    const { details } = interaction.prompt;
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({
          accountId: interaction.session!.accountId,
          clientId: String(interaction.params.client_id),
        });
    if (!grant) {
      throw new Error('grant not found');
    }
    const missingScope = details.missingOIDCScope as string[] | undefined;
    const missingClaims = details.missingOIDCClaims as string[] | undefined;
    const missingResourceScopes = details.missingResourceScopes as
      | Record<string, string[]>
      | undefined;
    if (missingScope) {
      grant.addOIDCScope(missingScope.join(' '));
    }
    if (missingClaims) {
      grant.addOIDCClaims(missingClaims);
    }
    for (const [resource, scopes] of Object.entries(
      missingResourceScopes ?? {},
    )) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  async function submitLogin(
    req: IncomingMessage,
    res: ServerResponse,
    interaction: Interaction,
  ) {
    const form = await readForm(req);
    const username = form.get('username') ?? '';
    const user = users.authenticate(username, form.get('password') ?? '');
    if (!user) {
      log(
        `Refused sign-in as '${username.slice(
          0,
          64,
        )}': wrong username or password`,
      );
      await showLogin(res, interaction, 401, { username });
      return;
    }
    log(
      `Signed in ${user.username} for ${String(interaction.params.client_id)}`,
    );
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.username } },
      { mergeWithLastSubmission: false },
    );
  }

  return async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    isSubmission: boolean,
  ) {
    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(req, res);
    } catch {
      send(
        res,
        400,
        errorPage(
          'Sign-in expired',
          'This sign-in attempt is unknown or has expired. Start again from the portal.',
        ),
        formAction,
      );
      return;
    }
    const prompt = interaction.prompt.name;
    try {
      if (isSubmission && req.method === 'POST' && prompt === 'login') {
        await submitLogin(req, res, interaction);
      } else if (!isSubmission && req.method === 'GET' && prompt === 'login') {
        await showLogin(res, interaction);
      } else if (
        !isSubmission &&
        req.method === 'GET' &&
        prompt === 'consent'
      ) {
        await grantConsent(req, res, interaction);
      } else {
        send(
          res,
          400,
          errorPage(
            'Unexpected request',
            `Cannot ${req.method} this step (${prompt}).`,
          ),
          formAction,
        );
      }
    } catch (e) {
      log(`Interaction failed: ${(e as Error).message}`);
      send(
        res,
        400,
        errorPage('Sign-in failed', (e as Error).message),
        formAction,
      );
    }
  };
}
