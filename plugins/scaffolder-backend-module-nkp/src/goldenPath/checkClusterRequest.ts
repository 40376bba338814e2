/*
 * Asks the NKP backend whether a cluster request is acceptable (`POST /api/nkp/golden-path/check`),
 * on behalf of the user who started the task, so that the action applies the same checks, engine,
 * calendar and permissions as the form and the dashboard, with no second copy of the rules here.
 */

import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  NkpClusterRequest,
  NkpClusterRequestVerdict,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** One problem the backend found, naming the request field it is about. */
export interface CheckFieldError {
  field: string;
  message: string;
}

/**
 * The verdict for `request`; an InputError listing every field the backend refused (400), a
 * NotAllowedError with its reason (403), or an Error naming the backend for anything else.
 */
export async function checkClusterRequest(
  request: NkpClusterRequest,
  options: {
    discovery: DiscoveryService;
    auth: AuthService;
    credentials: BackstageCredentials;
    signal?: AbortSignal;
  },
): Promise<NkpClusterRequestVerdict> {
  const { token } = await options.auth.getPluginRequestToken({
    onBehalfOf: options.credentials,
    targetPluginId: 'nkp',
  });
  const url = `${await options.discovery.getBaseUrl('nkp')}/golden-path/check`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(request),
      signal: options.signal,
    });
  } catch (error) {
    throw new Error(
      `The NKP backend (POST ${url}) could not be reached to check the request: ${
        (error as Error).message
      }`,
    );
  }
  // Parsed here rather than with response.json(): fetch's own objects come from another realm
  // under test runners, and the scaffolder's template engine only takes plain records.
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok) {
    return body as NkpClusterRequestVerdict;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)
    ?.error;
  const message =
    typeof error?.message === 'string' ? error.message : response.statusText;
  if (response.status === 400) {
    const fieldErrors = readFieldErrors(error?.fieldErrors);
    throw new InputError(
      fieldErrors.length
        ? `The cluster request was refused: ${fieldErrors
            .map(e => `${e.field}: ${e.message}`)
            .join('; ')}`
        : `The cluster request was refused: ${message}`,
    );
  }
  if (response.status === 403) {
    throw new NotAllowedError(message);
  }
  throw new Error(
    `The NKP backend (POST ${url}) answered HTTP ${response.status}: ${message}`,
  );
}

function readFieldErrors(value: unknown): CheckFieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap(item =>
    item && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}
