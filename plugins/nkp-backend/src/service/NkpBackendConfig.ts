/**
 * Reads the `nkp` app-config section of the backend: the policy (`nkp.policy`), calendar
 * overrides (`nkp.calendar`), how often the fleet is re-evaluated and whether notifications are
 * sent. A bad policy fails startup with the key that is wrong; the schema is in config.d.ts.
 */
import { Config } from '@backstage/config';
import {
  PolicyConfig,
  ReleaseCalendarOverrides,
  parsePolicyConfig,
  releaseCalendarOverridesSchema,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ZodError } from 'zod';

export interface NkpBackendConfig {
  policy: PolicyConfig;
  calendarOverrides: ReleaseCalendarOverrides;
  refreshIntervalSeconds: number;
  notifications: { enabled: boolean };
}

export const DEFAULT_REFRESH_INTERVAL_SECONDS = 30;

export function readNkpBackendConfig(config: Config): NkpBackendConfig {
  const policy = parseSection('nkp.policy', () =>
    parsePolicyConfig(config.getOptional('nkp.policy')),
  );
  const calendarOverrides = parseSection('nkp.calendar', () =>
    releaseCalendarOverridesSchema.parse(
      config.getOptional('nkp.calendar') ?? {},
    ),
  );
  const refreshIntervalSeconds =
    config.getOptionalNumber('nkp.refreshIntervalSeconds') ??
    DEFAULT_REFRESH_INTERVAL_SECONDS;
  if (!Number.isFinite(refreshIntervalSeconds) || refreshIntervalSeconds < 1) {
    throw new Error(
      `Invalid config nkp.refreshIntervalSeconds: expected a number of seconds >= 1, got ${refreshIntervalSeconds}`,
    );
  }
  return {
    policy,
    calendarOverrides,
    refreshIntervalSeconds,
    notifications: {
      enabled: config.getOptionalBoolean('nkp.notifications.enabled') ?? true,
    },
  };
}

function parseSection<T>(key: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ZodError || (error as Error)?.name === 'ZodError') {
      const zodError = error as ZodError;
      const problems = zodError.issues
        .map(i => `${[key, ...i.path].join('.')}: ${i.message}`)
        .join('; ');
      throw new Error(`Invalid config ${key}: ${problems}`);
    }
    throw error;
  }
}
