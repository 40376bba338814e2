/*
 * Errors from talking to an API server. Messages name the request (method and URL without any
 * credentials) and what the server said; request headers, and so tokens, never go into them.
 */

import {
  AuthenticationError,
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { asRecord, asString } from '../normalise/objects';

/** A failed request, with the HTTP status when there was one. @public */
export class KubernetesApiError extends CustomErrorBase {
  name = 'KubernetesApiError' as const;
  readonly statusCode?: number;

  constructor(message: string, statusCode?: number, cause?: unknown) {
    super(message, cause);
    this.statusCode = statusCode;
  }
}

/** The server no longer has the requested resourceVersion (or continue token): list again. */
export function isGone(error: unknown): boolean {
  return error instanceof KubernetesApiError && error.statusCode === 410;
}

/** The error an `ERROR` watch event reports (its object is a `Status`), for `what`. */
export function watchEventError(
  what: string,
  object: unknown,
): KubernetesApiError {
  const status = asRecord(object);
  const code = typeof status?.code === 'number' ? status.code : undefined;
  return new KubernetesApiError(
    `${what}: ${asString(status?.message) ?? 'ERROR'}`,
    code,
  );
}

/**
 * Maps an HTTP error status to the error type a Backstage operator recognises. `forbiddenHint`
 * replaces the advice a 403 gets (reads need get/list/watch; writes say what they need).
 */
export function errorForStatus(
  what: string,
  statusCode: number,
  body: string,
  options: { forbiddenHint?: string } = {},
): Error {
  const reason = statusMessage(body);
  const message = `${what}: HTTP ${statusCode}${reason ? ` ${reason}` : ''}`;
  switch (statusCode) {
    case 401:
      return new AuthenticationError(
        `${message}; the token or client certificate is not accepted`,
      );
    case 403:
      return new NotAllowedError(
        `${message}; ${
          options.forbiddenHint ??
          "grant the service account get/list/watch on it (see the README's RBAC section)"
        }`,
      );
    case 404:
      return new NotFoundError(message);
    // Writes only: the object exists or changed meanwhile, or the server refuses its content.
    // The server's message says which field; it is the answer to pass on.
    case 409:
      return new ConflictError(message);
    case 422:
      return new InputError(message);
    default:
      return new KubernetesApiError(message, statusCode);
  }
}

/** The `message` of a `Status` body, or the start of a body that is not one. */
function statusMessage(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return asString(body.slice(0, 200));
  }
  return asString(asRecord(parsed)?.message)?.slice(0, 300);
}
