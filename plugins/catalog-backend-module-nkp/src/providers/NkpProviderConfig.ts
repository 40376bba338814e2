/*
 * Reads `catalog.providers.nkp.<sourceId>` for an entity provider: the source itself (read by
 * nkp-node, as the CLI reads it) plus what only the provider needs, its schedule and shrink guard.
 */

import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  NKP_SOURCES_CONFIG_KEY,
  NkpSourceConfig,
  readNkpSourceConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';

/** @public */
export interface NkpProviderConfig extends NkpSourceConfig {
  maxShrinkPercent: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 3 },
};
export const DEFAULT_MAX_SHRINK_PERCENT = 50;

/** @public */
export function readNkpProviderConfigs(config: Config): NkpProviderConfig[] {
  const sources = config.getOptionalConfig(NKP_SOURCES_CONFIG_KEY);
  return (sources?.keys() ?? []).map(id => {
    const source = sources!.getConfig(id);
    return {
      ...readNkpSourceConfig(id, source),
      maxShrinkPercent: readMaxShrinkPercent(id, source),
      schedule: source.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            source.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE,
    };
  });
}

function readMaxShrinkPercent(id: string, config: Config): number {
  const maxShrinkPercent =
    config.getOptionalNumber('maxShrinkPercent') ?? DEFAULT_MAX_SHRINK_PERCENT;
  if (!(maxShrinkPercent >= 0 && maxShrinkPercent <= 100)) {
    throw new InputError(
      `${NKP_SOURCES_CONFIG_KEY}.${id}.maxShrinkPercent must be between 0 and 100, got ${maxShrinkPercent}`,
    );
  }
  return maxShrinkPercent;
}
