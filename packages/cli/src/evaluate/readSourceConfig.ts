/*
 * The source settings that shape normalisation: model, entity name prefix, owners. With
 * `--source <id>` they are those of `catalog.providers.nkp.<id>`, read by nkp-node's reader (the
 * catalog module's, with its messages), so entity names, owners and therefore exception targets
 * are the ones the portal shows; without it, sensible defaults. The exports replace the source's
 * own connection, so a pipeline needs neither its credentials nor its offline paths.
 */

import { Config, ConfigReader } from '@backstage/config';
import {
  NKP_SOURCES_CONFIG_KEY,
  NkpSourceModel,
  NkpSourceSettings,
  readNkpSourceSettings,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';

/** Source id of the exports when no `--source` is given; it names no entity (no prefix). */
export const DEFAULT_SOURCE_ID = 'export';

export function readSourceConfig(options: {
  config?: Config;
  configFiles: readonly string[];
  source?: string;
  model?: NkpSourceModel;
}): NkpSourceSettings {
  const settings =
    options.source !== undefined
      ? readNkpSourceSettings(options.source, sourceConfig(options))
      : readNkpSourceSettings(
          DEFAULT_SOURCE_ID,
          new ConfigReader({ entityNamePrefix: '' }, 'nkp-lifecycle'),
        );
  return options.model ? { ...settings, model: options.model } : settings;
}

function sourceConfig(options: {
  config?: Config;
  configFiles: readonly string[];
  source?: string;
}): Config {
  const { source } = options;
  if (!options.config) {
    throw new Error(
      `--source ${source} reads ${NKP_SOURCES_CONFIG_KEY}.${source} from app-config; pass the file with --config`,
    );
  }
  const sources = options.config.getOptionalConfig(NKP_SOURCES_CONFIG_KEY);
  if (!sources?.has(source!)) {
    throw new Error(
      `${NKP_SOURCES_CONFIG_KEY}.${source} is not configured in ${options.configFiles.join(
        ', ',
      )}; configured sources: ${sources?.keys().join(', ') || 'none'}`,
    );
  }
  return sources.getConfig(source!);
}
