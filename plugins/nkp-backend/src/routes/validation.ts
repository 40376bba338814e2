/**
 * The values the routes check themselves. The OpenAPI document has already checked the shape of
 * every request (parameters, types, ranges, unknown fields) before a route runs; what it cannot
 * say (a version that parses, a calendar date, a reason of ten characters once trimmed) is
 * checked here, and every refused value becomes a field error: an `InputError` that names each
 * refused field in its message and lists them in `fieldErrors` for forms.
 */
import { InputError } from '@backstage/errors';
import {
  NkpFieldError,
  POLICY_RULE_IDS,
  PolicyRuleId,
  isIsoDay,
  upgradePlanSchema,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { z } from 'zod';

/**
 * An `InputError` about the values of `what` (e.g. `exception request`): its message names
 * every problem, `fieldErrors` lists them for the error body.
 */
export function invalidInput(
  what: string,
  fieldErrors: NkpFieldError[],
): InputError & { fieldErrors: NkpFieldError[] } {
  const problems = fieldErrors
    .map(({ field, message }) => `${field}: ${message}`)
    .join('; ');
  // An own enumerable property: Backstage's error handler serialises it into `error.fieldErrors`.
  return Object.assign(new InputError(`Invalid ${what}: ${problems}`), {
    fieldErrors,
  });
}

/** The values of `input` as `schema` reads them, or an `invalidInput` error for `what`. */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw invalidInput(
      what,
      result.error.issues.map(issue => ({
        field: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'must be an ISO date such as 2026-06-30',
  })
  .refine(isIsoDay, { message: 'must be a real calendar date' });

export const newPlanSchema = upgradePlanSchema
  .omit({ id: true })
  .extend({ announcedAt: isoDate });

export const exceptionRequestSchema = z.object({
  target: z.union([
    z.object({ cluster: z.string().min(1) }),
    z.object({ owner: z.string().min(1) }),
  ]),
  rule: z
    .enum(POLICY_RULE_IDS as unknown as [PolicyRuleId, ...PolicyRuleId[]])
    .optional(),
  reason: z.string().trim().min(10, {
    message: 'must say why, in at least 10 characters',
  }),
  expiresAt: isoDate,
});

export const exceptionApprovalSchema = z.object({
  expiresAt: isoDate.optional(),
  comment: z.string().trim().min(1).optional(),
});

/** The largest audit id (a 32-bit integer), so a cursor beyond it is no cursor of ours. */
const MAX_AUDIT_ID = 2_147_483_647;

/** The audit id of a `nextCursor` (the document has checked that it is digits). */
export function auditCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const id = Number(cursor);
  if (id > MAX_AUDIT_ID) {
    throw invalidInput('query', [
      { field: 'cursor', message: 'must be the nextCursor of a previous page' },
    ]);
  }
  return id;
}
