/**
 * Input schemas of the routes and the one place that turns a zod failure into an `InputError`
 * naming every offending field.
 */
import { InputError } from '@backstage/errors';
import {
  POLICY_RULE_IDS,
  POLICY_STATES,
  PolicyRuleId,
  PolicyState,
  upgradePlanSchema,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { z } from 'zod';

export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map(i => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${problems}`);
  }
  return result.data;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, {
    message: 'must be an ISO date such as 2026-06-30',
  })
  .refine(v => !Number.isNaN(Date.parse(v)), {
    message: 'must be a real calendar date',
  });

const states = z.enum(
  POLICY_STATES as unknown as [PolicyState, ...PolicyState[]],
);

/** `?x=a&x=b`, `?x=a,b` or both mixed, as one list. */
function commaList(value: unknown): unknown {
  const values = typeof value === 'string' ? [value] : value;
  return Array.isArray(values) && values.every(v => typeof v === 'string')
    ? values.flatMap(v => v.split(',').map(s => s.trim()))
    : value;
}

/** `?state=overdue&state=unsupported` or `?state=overdue,unsupported`. */
const stateList = z.preprocess(commaList, z.array(states).min(1));

/**
 * `?owner=team-a&owner=team-b` or `?owner=team-a,team-b`: any of them. Entity refs cannot contain
 * a comma, so splitting on it is safe.
 */
const ownerList = z.preprocess(
  commaList,
  z.array(z.string().min(1, { message: 'must not be empty' })).min(1),
);

export const clusterListQuerySchema = z
  .object({
    owner: ownerList.optional(),
    workspace: z.string().min(1).optional(),
    state: stateList.optional(),
    version: z
      .string()
      .regex(/^v?\d+(\.\d+){0,2}$/, {
        message: 'must be a version or version prefix such as 1.33 or 2.17.1',
      })
      .optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
    orderBy: z
      .enum(['name', 'deadline', 'state', 'kubernetesVersion'])
      .default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();

export const clusterParamsSchema = z.object({
  namespace: z.string().min(1),
  name: z.string().min(1),
});

export const noQuerySchema = z.object({}).strict();

export const newPlanSchema = upgradePlanSchema
  .omit({ id: true })
  .extend({ announcedAt: isoDate })
  .strict();

export const exceptionRequestSchema = z
  .object({
    target: z.union([
      z.object({ cluster: z.string().min(1) }).strict(),
      z.object({ owner: z.string().min(1) }).strict(),
    ]),
    rule: z
      .enum(POLICY_RULE_IDS as unknown as [PolicyRuleId, ...PolicyRuleId[]])
      .optional(),
    reason: z.string().trim().min(10, {
      message: 'must say why, in at least 10 characters',
    }),
    expiresAt: isoDate,
  })
  .strict();

export const exceptionApprovalSchema = z
  .object({
    expiresAt: isoDate.optional(),
    comment: z.string().trim().min(1).optional(),
  })
  .strict();

export const exceptionParamsSchema = z.object({ id: z.string().min(1) });

export const auditQuerySchema = z
  .object({
    subjectKind: z.enum(['plan', 'exception']).optional(),
    subjectId: z.string().min(1).optional(),
    actor: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    // The id of the last entry of the previous page (audit ids are 32-bit integers).
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, {
        message: 'must be the nextCursor of a previous page',
      })
      .transform(Number)
      .refine(id => id <= 2_147_483_647, {
        message: 'must be the nextCursor of a previous page',
      })
      .optional(),
  })
  .strict();
