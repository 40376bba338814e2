/**
 * Turning a failed request into words for the user. The backend answers bad input with an
 * `InputError` whose message names every offending field (`Invalid exception request: reason:
 * must say why...; expiresAt: ...`); the forms show the whole message and also put each part
 * under the field it names.
 */
import { ResponseError } from '@backstage/errors';

/** The server's own message for a `ResponseError`, else the error's message. */
export function errorMessage(error: unknown): string {
  if (
    error instanceof ResponseError ||
    (error as Error)?.name === 'ResponseError'
  ) {
    return (error as ResponseError).cause?.message || (error as Error).message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The problems of a backend validation message, keyed by the field path they name. Best effort:
 * parts that name no known field are left out (the whole message is shown anyway).
 */
export function fieldProblems<F extends string>(
  message: string,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const body = message.replace(/^Invalid [^:]+:\s*/, '');
  const out: Partial<Record<F, string>> = {};
  let last: F | undefined;
  for (const part of body.split(/;\s+/)) {
    const match = /^(\(root\)|[\w.]+):\s*(.+)$/.exec(part.trim());
    if (!match) {
      // A sentence that continues the previous problem ("...; an exception must end in the future")
      if (last) out[last] = `${out[last]}; ${part.trim()}`;
      continue;
    }
    const field = fields.find(
      f => match[1] === f || match[1].startsWith(`${f}.`),
    );
    last = field && !out[field] ? field : undefined;
    if (last) out[last] = match[2];
  }
  return out;
}
