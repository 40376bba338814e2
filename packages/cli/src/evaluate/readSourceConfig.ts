/*
 * The source settings that shape normalisation: model, entity name prefix, owners. With
 * `--source <id>` they are those of `catalog.providers.nkp.<id>`, so entity names, owners and
 * therefore exception targets are the ones the portal shows; without it, sensible defaults.
 * Either way the catalog module's own reader validates them, with the messages the backend gives.
 */

import { Config, ConfigReader, JsonObject } from '@backstage/config';
import {
  NkpProviderConfig,
  NkpSourceModel,
  readNkpProviderConfigs,
} from '@nkp-lifecycle/backstage-plugin-catalog-backend-module-nkp';

const SOURCES_KEY = 'catalog.providers.nkp';

/** Source id of the exports when no `--source` is given; it names no entity (no prefix). */
export const DEFAULT_SOURCE_ID = 'export';

export function readSourceConfig(options: {
  config?: Config;
  configFiles: readonly string[];
  source?: string;
  model?: NkpSourceModel;
  paths: string[];
}): NkpProviderConfig {
  const { source, paths } = options;
  let id = DEFAULT_SOURCE_ID;
  let settings: JsonObject = { entityNamePrefix: '' };

  if (source !== undefined) {
    if (!options.config) {
      throw new Error(
        `--source ${source} reads ${SOURCES_KEY}.${source} from app-config; pass the file with --config`,
      );
    }
    const sources = options.config.getOptionalConfig(SOURCES_KEY);
    if (!sources?.has(source)) {
      throw new Error(
        `${SOURCES_KEY}.${source} is not configured in ${options.configFiles.join(
          ', ',
        )}; configured sources: ${sources?.keys().join(', ') || 'none'}`,
      );
    }
    id = source;
    // The exports replace the source's own connection, so a pipeline needs neither its
    // credentials nor its offline paths (which are relative to the backend's working directory).
    const { api, endpoints, requests, watch, offline, ...rest } = sources
      .getConfig(source)
      .get<JsonObject>();
    settings = {
      ...rest,
      // A list of endpoints is read as self-managed clusters unless the source says otherwise.
      ...(endpoints && !rest.model ? { model: 'self-managed' } : {}),
    };
  }

  const [config] = readNkpProviderConfigs(
    new ConfigReader(
      {
        catalog: {
          providers: { nkp: { [id]: { ...settings, offline: { paths } } } },
        },
      },
      options.configFiles.join(', ') || 'nkp-lifecycle',
    ),
  );
  return options.model ? { ...config, model: options.model } : config;
}
