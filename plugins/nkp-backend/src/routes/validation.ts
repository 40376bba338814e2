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

/** What the database columns hold (migrations): longer values are field errors, not 500s. */
export const INPUT_LIMITS = {
  /** upgrade_plans.title, scope_name; exceptions.target_ref; audit_log.actor */
  name: 255,
  /** upgrade_plans.target_version */
  version: 32,
  windowDays: 3650,
  /** Free text kept in `text` columns (reason, comment), bounded all the same. */
  text: 2000,
} as const;

const tooLong = (max: number) => ({
  message: `must be at most ${max} characters`,
});

export const newPlanSchema = upgradePlanSchema.omit({ id: true }).extend({
  announcedAt: isoDate,
  title: z
    .string()
    .trim()
    .min(1)
    .max(INPUT_LIMITS.name, tooLong(INPUT_LIMITS.name)),
  targetVersion: upgradePlanSchema.shape.targetVersion.refine(
    v => v.length <= INPUT_LIMITS.version,
    tooLong(INPUT_LIMITS.version),
  ),
  windowDays: z
    .number()
    .int()
    .min(1)
    .max(INPUT_LIMITS.windowDays, {
      message: `must be at most ${INPUT_LIMITS.windowDays} days`,
    })
    .optional(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fleet') }),
    z.object({
      kind: z.literal('management-cluster'),
      name: z
        .string()
        .min(1)
        .max(INPUT_LIMITS.name, tooLong(INPUT_LIMITS.name)),
    }),
    z.object({
      kind: z.literal('workspace'),
      name: z
        .string()
        .min(1)
        .max(INPUT_LIMITS.name, tooLong(INPUT_LIMITS.name)),
    }),
  ]),
  backdated: z.boolean().optional(),
});

/** `PATCH /plans/:id`: what may change of a plan, with the checks of a new one. */
export const planChangeSchema = newPlanSchema
  .pick({ title: true, targetVersion: true, windowDays: true })
  .partial();

const ref = z
  .string()
  .min(1)
  .max(INPUT_LIMITS.name, tooLong(INPUT_LIMITS.name));
const text = z
  .string()
  .trim()
  .max(INPUT_LIMITS.text, tooLong(INPUT_LIMITS.text));

const why = text.min(10, {
  message: 'must say why, in at least 10 characters',
});

export const exceptionRequestSchema = z.object({
  target: z.union([z.object({ cluster: ref }), z.object({ owner: ref })]),
  rule: z
    .enum(POLICY_RULE_IDS as unknown as [PolicyRuleId, ...PolicyRuleId[]])
    .optional(),
  reason: why,
  expiresAt: isoDate,
});

/** Cancelling a plan, rejecting or revoking an exception: why, for the audit log. */
export const reasonSchema = z.object({ reason: why });

export const exceptionApprovalSchema = z.object({
  expiresAt: isoDate.optional(),
  comment: text.min(1).optional(),
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
