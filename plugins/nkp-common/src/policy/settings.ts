/**
 * Turns the plain values of the `nkp.policy` and `nkp.calendar` app-config keys into what the
 * engine takes. The backend and the CLI both read them through here, so an app-config that starts
 * the portal evaluates the same in a pipeline, and a bad one fails both with the same message
 * naming the key.
 */
import { z } from 'zod';
import { ReleaseCalendarOverrides } from './calendar/types';
import { releaseCalendarOverridesSchema } from './calendar/schema';
import { PolicyConfig, policyConfigSchema } from './config';

/**
 * Input that failed validation. The message names every offending key or field and what was
 * wrong with it.
 *
 * @public
 */
export class PolicyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyInputError';
  }
}

/**
 * The `nkp` config values the policy needs, as plain data (e.g. `config.getOptional('nkp.policy')`).
 *
 * @public
 */
export interface PolicySettingsInput {
  policy?: unknown;
  calendar?: unknown;
}

/**
 * The policy configuration with defaults applied, and the app-config layer of the calendar.
 *
 * @public
 */
export interface PolicySettings {
  policy: PolicyConfig;
  calendarOverrides: ReleaseCalendarOverrides;
}

/**
 * Validates `nkp.policy` and `nkp.calendar`; missing sections yield the defaults. Throws a
 * `PolicyInputError` naming the full config key, e.g. `nkp.policy.managedSkew.maxMinorsBehind`.
 *
 * @public
 */
export function parsePolicySettings(
  input: PolicySettingsInput,
  configKey: string = 'nkp',
): PolicySettings {
  const section = (name: string) => `${configKey}.${name}`;
  return {
    policy: parsePolicyInput(
      policyConfigSchema,
      input.policy ?? {},
      `config ${section('policy')}`,
      section('policy'),
    ),
    calendarOverrides: parsePolicyInput(
      releaseCalendarOverridesSchema,
      input.calendar ?? {},
      `config ${section('calendar')}`,
      section('calendar'),
    ),
  };
}

/**
 * Validates any policy input (a config section, a file of upgrade plans) against its schema.
 * Throws a `PolicyInputError` `Invalid <what>: <key>: <problem>; ...`, where each key is `root`
 * followed by the field's path (`nkp.policy.upgradePlans.reminderOffsetsDays[1]`, or
 * `[0].targetVersion` for a list without a root).
 *
 * @public
 */
export function parsePolicyInput<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  what: string,
  root: string = '',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(issue => {
    const key = issueKey(root, issue.path);
    return key ? `${key}: ${issue.message}` : issue.message;
  });
  throw new PolicyInputError(`Invalid ${what}: ${problems.join('; ')}`);
}

function issueKey(root: string, path: ReadonlyArray<string | number>): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number'
        ? `${key}[${part}]`
        : `${key}${key ? '.' : ''}${part}`,
    root,
  );
}
