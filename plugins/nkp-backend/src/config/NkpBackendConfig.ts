/**
 * Reads the `nkp` app-config section of the backend: the policy (`nkp.policy`), calendar
 * overrides (`nkp.calendar`) and release feeds (`nkp.calendar.feed`), how often the fleet is
 * re-evaluated and whether notifications are sent. A bad policy fails startup with the key that is wrong; the schema is in config.d.ts.
 */
import { Config } from '@backstage/config';
import {
  PolicyConfig,
  ReleaseCalendarOverrides,
  ReleaseFeedSettings,
  parsePolicySettings,
  parseReleaseFeedSettings,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

export interface NkpBackendConfig {
  policy: PolicyConfig;
  calendarOverrides: ReleaseCalendarOverrides;
  /** `undefined` when no feed is configured. */
  calendarFeed?: ReleaseFeedSettings;
  refreshIntervalSeconds: number;
  notifications: { enabled: boolean };
  /** The requester of an exception may not approve it (four eyes); default true. */
  requireSeparateApprover: boolean;
}

export const DEFAULT_REFRESH_INTERVAL_SECONDS = 30;

export function readNkpBackendConfig(config: Config): NkpBackendConfig {
  // Shared with the CLI, so a pipeline gate and the portal read the same policy.
  const { policy, calendarOverrides } = parsePolicySettings({
    policy: config.getOptional('nkp.policy'),
    calendar: config.getOptional('nkp.calendar'),
  });
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
    calendarFeed: parseReleaseFeedSettings(
      config.getOptional('nkp.calendar.feed'),
    ),
    refreshIntervalSeconds,
    notifications: {
      enabled: config.getOptionalBoolean('nkp.notifications.enabled') ?? true,
    },
    requireSeparateApprover:
      config.getOptionalBoolean('nkp.exceptions.requireSeparateApprover') ??
      true,
  };
}
