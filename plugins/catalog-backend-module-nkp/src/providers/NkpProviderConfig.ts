/*
 * Reads `catalog.providers.nkp.<sourceId>`. Every error names the full key that is wrong and what
 * would be right, because a typo here otherwise shows up as "my clusters are missing".
 */

import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { NkpSourceModel } from '../normalise';
import { toOwnerRef } from '../normalise/resolveOwner';
import { NkpApiConfig, readApiConfig } from './readApiConfig';

const ROOT = 'catalog.providers.nkp';
const ID_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MODELS: NkpSourceModel[] = ['management', 'self-managed'];

/** @public */
export interface NkpProviderConfig {
  id: string;
  model: NkpSourceModel;
  /** Exactly one of `offline` and `api` is set. */
  offline?: { paths: string[] };
  api?: NkpApiConfig;
  entityNamePrefix: string;
  dashboardUrl?: string;
  owners: { default: string; workspaces: Record<string, string> };
  kubernetes: {
    authProvider?: string;
    oidcTokenProvider?: string;
    caData?: string;
  };
  maxShrinkPercent: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 3 },
};
export const DEFAULT_MAX_SHRINK_PERCENT = 50;
export const DEFAULT_OWNER = 'group:default/unknown';

/** @public */
export function readNkpProviderConfigs(config: Config): NkpProviderConfig[] {
  const providers = config.getOptionalConfig(ROOT);
  return (providers?.keys() ?? []).map(id =>
    readSource(id, providers!.getConfig(id)),
  );
}

function readSource(id: string, config: Config): NkpProviderConfig {
  const key = (name: string) => `${ROOT}.${id}.${name}`;
  if (!ID_PATTERN.test(id)) {
    throw new InputError(
      `${ROOT}.${id}: a source id must be lowercase letters, digits and dashes, e.g. "acme-mgmt"`,
    );
  }

  const configured = ['offline', 'api', 'endpoints'].filter(name =>
    config.has(name),
  );
  if (configured.length !== 1) {
    throw new InputError(
      configured.length
        ? `${ROOT}.${id} configures ${configured.join(
            ' and ',
          )}; a source reads exactly one of offline, api or endpoints`
        : `${ROOT}.${id} configures no source; set ${key(
            'offline.paths',
          )} to the files or folders of an NKP export, ${key(
            'api',
          )} to an NKP cluster's API server, or ${key(
            'endpoints',
          )} to a list of self-managed NKP clusters`,
    );
  }

  // A list of endpoints is a list of self-managed clusters, each its own management cluster.
  const model = (config.getOptionalString('model') ??
    (configured[0] === 'endpoints'
      ? 'self-managed'
      : 'management')) as NkpSourceModel;
  if (!MODELS.includes(model)) {
    throw new InputError(
      `${key('model')} must be one of ${MODELS.join(', ')}, got "${model}"`,
    );
  }
  if (configured[0] === 'endpoints' && model !== 'self-managed') {
    throw new InputError(
      `${key('endpoints')} lists self-managed clusters; remove ${key(
        'model',
      )} or set it to self-managed, or use ${key(
        'api',
      )} for a management cluster`,
    );
  }

  let offline: NkpProviderConfig['offline'];
  if (configured[0] === 'offline') {
    const paths = config.getStringArray('offline.paths');
    if (paths.length === 0) {
      throw new InputError(
        `${key('offline.paths')} must list at least one file or folder`,
      );
    }
    offline = { paths };
  }

  // Read untyped: Backstage's typed getters reject '', which is how the prefix is turned off.
  const entityNamePrefix = config.getOptional('entityNamePrefix') ?? id;
  if (
    typeof entityNamePrefix !== 'string' ||
    (entityNamePrefix !== '' && !ID_PATTERN.test(entityNamePrefix))
  ) {
    throw new InputError(
      `${key(
        'entityNamePrefix',
      )} must be lowercase letters, digits and dashes, or '' for none`,
    );
  }

  const dashboardUrl = config.getOptionalString('dashboardUrl');
  if (dashboardUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(dashboardUrl)) {
    throw new InputError(
      `${key('dashboardUrl')} must be an http(s) URL, got "${dashboardUrl}"`,
    );
  }

  const maxShrinkPercent =
    config.getOptionalNumber('maxShrinkPercent') ?? DEFAULT_MAX_SHRINK_PERCENT;
  if (!(maxShrinkPercent >= 0 && maxShrinkPercent <= 100)) {
    throw new InputError(
      `${key(
        'maxShrinkPercent',
      )} must be between 0 and 100, got ${maxShrinkPercent}`,
    );
  }

  return {
    id,
    model,
    offline,
    api: readApiConfig(config, key),
    entityNamePrefix,
    dashboardUrl,
    owners: readOwners(config, key),
    kubernetes: {
      authProvider: config.getOptionalString('kubernetes.authProvider'),
      oidcTokenProvider: config.getOptionalString(
        'kubernetes.oidcTokenProvider',
      ),
      caData: config.getOptionalString('kubernetes.caData'),
    },
    maxShrinkPercent,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}

function readOwners(config: Config, key: (name: string) => string) {
  const ownerRef = (path: string) => {
    const value = config.getString(path);
    const ref = toOwnerRef(value);
    if (!ref) {
      throw new InputError(
        `${key(
          path,
        )} must be an entity reference such as group:default/platform-team, got "${value}"`,
      );
    }
    return ref;
  };
  const workspaces: Record<string, string> = {};
  for (const workspace of config
    .getOptionalConfig('owners.workspaces')
    ?.keys() ?? []) {
    workspaces[workspace] = ownerRef(`owners.workspaces.${workspace}`);
  }
  return {
    default: config.has('owners.default')
      ? ownerRef('owners.default')
      : DEFAULT_OWNER,
    workspaces,
  };
}
