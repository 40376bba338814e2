/**
 * Turning a failed request into words for the user. The backend answers values it refuses with
 * an `InputError` whose body lists each refused field (`error.fieldErrors`, see the OpenAPI
 * document); the forms show the whole message and put each field error under its field.
 */
import { ResponseError } from '@backstage/errors';
import {
  NkpErrorBody,
  NkpFieldError,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

function isResponseError(error: unknown): error is ResponseError {
  return (
    error instanceof ResponseError || (error as Error)?.name === 'ResponseError'
  );
}

/** The server's own message for a `ResponseError`, else the error's message. */
export function errorMessage(error: unknown): string {
  if (isResponseError(error)) {
    return error.cause?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The field errors in the body of a failed request; none for any other error. */
export function fieldErrorsOf(error: unknown): NkpFieldError[] {
  if (!isResponseError(error)) return [];
  const body = error.body as Partial<NkpErrorBody> | undefined;
  return body?.error?.fieldErrors ?? [];
}

/**
 * The field errors of a failed request by the form field they concern: a nested field such as
 * `target.cluster` belongs to `target`. Field errors of fields the form does not have are left
 * out (the whole message is shown anyway).
 */
export function fieldProblems<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const { field: path, message } of fieldErrorsOf(error)) {
    const field = fields.find(f => path === f || path.startsWith(`${f}.`));
    if (field) out[field] = out[field] ? `${out[field]}; ${message}` : message;
  }
  return out;
}
