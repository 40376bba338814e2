/*
 * Reads app-config files the way the backend does: YAML, `${ENV}` substitution, `$include` and
 * `$file`, later files overriding earlier ones. Each file is read on its own so that an error
 * names the file it is in.
 */

import { AppConfig, Config, ConfigReader } from '@backstage/config';
import { FileConfigSource } from '@backstage/config-loader';
import { resolve } from 'node:path';

export async function readAppConfig(
  files: readonly string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<Config | undefined> {
  if (files.length === 0) {
    return undefined;
  }
  const configs: AppConfig[] = [];
  for (const file of files) {
    const source = FileConfigSource.create({
      path: resolve(options.cwd, file),
      watch: false,
      // The loader's default reads process.env; this keeps the environment injectable.
      substitutionFunc: async name => options.env[name]?.trim(),
    });
    try {
      for await (const read of source.readConfigData()) {
        configs.push(...read.configs);
      }
    } catch (error) {
      throw new Error(
        `Cannot read app-config ${file}: ${(error as Error).message}`,
      );
    }
  }
  return ConfigReader.fromConfigs(configs);
}
