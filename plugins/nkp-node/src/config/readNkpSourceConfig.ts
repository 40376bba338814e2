/*
 * Reads `catalog.providers.nkp.<sourceId>`: where a source reads from and the settings that shape
 * its entities. The catalog module and the CLI both read sources through this, so a source means
 * the same in a pipeline as in the portal. Every error names the full key that is wrong and what
 * would be right, because a typo here otherwise shows up as "my clusters are missing".
 */

import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseApiServerPattern } from '../normalise/apiServerAllowList';
import { NkpSourceModel } from '../normalise/readClusters';
import { toOwnerRef } from '../normalise/resolveOwner';
import { NkpApiConfig, readApiConfig } from './readApiConfig';

/**
 * The config key that holds the NKP sources, keyed by source id.
 *
 * @public
 */
export const NKP_SOURCES_CONFIG_KEY = 'catalog.providers.nkp';

const ID_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MODELS: NkpSourceModel[] = ['management', 'self-managed'];
const CONNECTIONS = ['offline', 'api', 'endpoints'] as const;

/** @public */
export const DEFAULT_NKP_OWNER = 'group:default/unknown';

/**
 * What shapes a source's entities, whatever it reads from: the same export gives the same
 * entities (names, owners, annotations) under the same settings.
 *
 * @public
 */
export interface NkpSourceSettings {
  id: string;
  model: NkpSourceModel;
  entityNamePrefix: string;
  dashboardUrl?: string;
  owners: { default: string; workspaces: Record<string, string> };
  /**
   * Control-plane hosts `kubernetes.io/api-server` may name (see `allowedApiServers` in the
   * catalog module's config.d.ts); empty: none.
   */
  allowedApiServers: string[];
  kubernetes: {
    authProvider?: string;
    oidcTokenProvider?: string;
    caData?: string;
  };
}

/**
 * One configured source: its settings and where it reads from.
 *
 * @public
 */
export interface NkpSourceConfig extends NkpSourceSettings {
  /** Exactly one of `offline` and `api` is set. */
  offline?: { paths: string[] };
  api?: NkpApiConfig;
}

/**
 * Every source under `catalog.providers.nkp`, in config order.
 *
 * @public
 */
export function readNkpSourceConfigs(config: Config): NkpSourceConfig[] {
  const sources = config.getOptionalConfig(NKP_SOURCES_CONFIG_KEY);
  return (sources?.keys() ?? []).map(id =>
    readNkpSourceConfig(id, sources!.getConfig(id)),
  );
}

/**
 * One source, from the config object at `catalog.providers.nkp.<id>`.
 *
 * @public
 */
export function readNkpSourceConfig(
  id: string,
  config: Config,
): NkpSourceConfig {
  const key = sourceKey(id);
  checkId(id);
  const configured = CONNECTIONS.filter(name => config.has(name));
  if (configured.length !== 1) {
    throw new InputError(
      configured.length
        ? `${NKP_SOURCES_CONFIG_KEY}.${id} configures ${configured.join(
            ' and ',
          )}; a source reads exactly one of offline, api or endpoints`
        : `${NKP_SOURCES_CONFIG_KEY}.${id} configures no source; set ${key(
            'offline.paths',
          )} to the files or folders of an NKP export, ${key(
            'api',
          )} to an NKP cluster's API server, or ${key(
            'endpoints',
          )} to a list of self-managed NKP clusters`,
    );
  }
  const settings = readNkpSourceSettings(id, config);
  if (configured[0] === 'endpoints' && settings.model !== 'self-managed') {
    throw new InputError(
      `${key('endpoints')} lists self-managed clusters; remove ${key(
        'model',
      )} or set it to self-managed, or use ${key(
        'api',
      )} for a management cluster`,
    );
  }

  let offline: NkpSourceConfig['offline'];
  if (configured[0] === 'offline') {
    const paths = config.getStringArray('offline.paths');
    if (paths.length === 0) {
      throw new InputError(
        `${key('offline.paths')} must list at least one file or folder`,
      );
    }
    offline = { paths };
  }
  return { ...settings, offline, api: readApiConfig(config, key) };
}

/**
 * A source's settings without where it reads from, so that other objects (an export handed to
 * the CLI) can be read as that source; its connection, credentials included, is never read.
 *
 * @public
 */
export function readNkpSourceSettings(
  id: string,
  config: Config,
): NkpSourceSettings {
  const key = sourceKey(id);
  checkId(id);

  // A list of endpoints is a list of self-managed clusters, each its own management cluster.
  const model = (config.getOptionalString('model') ??
    (config.has('endpoints')
      ? 'self-managed'
      : 'management')) as NkpSourceModel;
  if (!MODELS.includes(model)) {
    throw new InputError(
      `${key('model')} must be one of ${MODELS.join(', ')}, got "${model}"`,
    );
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

  return {
    id,
    model,
    entityNamePrefix,
    dashboardUrl,
    owners: readOwners(config, key),
    allowedApiServers: readAllowedApiServers(config, key),
    kubernetes: {
      authProvider: config.getOptionalString('kubernetes.authProvider'),
      oidcTokenProvider: config.getOptionalString(
        'kubernetes.oidcTokenProvider',
      ),
      caData: config.getOptionalString('kubernetes.caData'),
    },
  };
}

/** The full config key of `name` in source `id`, for messages. */
export function sourceKey(id: string): (name: string) => string {
  return name => `${NKP_SOURCES_CONFIG_KEY}.${id}.${name}`;
}

function checkId(id: string) {
  if (!ID_PATTERN.test(id)) {
    throw new InputError(
      `${NKP_SOURCES_CONFIG_KEY}.${id}: a source id must be lowercase letters, digits and dashes, e.g. "acme-mgmt"`,
    );
  }
}

function readAllowedApiServers(
  config: Config,
  key: (name: string) => string,
): string[] {
  const patterns = config.getOptional('allowedApiServers') ?? [];
  if (!Array.isArray(patterns) || !patterns.every(p => typeof p === 'string')) {
    throw new InputError(
      `${key(
        'allowedApiServers',
      )} must be a list of host names, *.domain wildcards, IP addresses or CIDR ranges`,
    );
  }
  patterns.forEach((pattern, index) => {
    const parsed = parseApiServerPattern(pattern);
    if ('error' in parsed) {
      throw new InputError(
        `${key(`allowedApiServers[${index}]`)}: ${parsed.error}`,
      );
    }
  });
  return patterns;
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
      : DEFAULT_NKP_OWNER,
    workspaces,
  };
}
