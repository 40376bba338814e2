/*
 * Reads app-config files as the backend does: YAML, the app-config syntax (`${ENV}`, `$include`,
 * `$file`, `$env`; see appConfigSyntax.ts), later files overriding earlier ones. Each file is read
 * on its own so that an error names the file it is in.
 */

import { AppConfig, Config, ConfigReader } from '@backstage/config';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { applyConfigSyntax } from './appConfigSyntax';

export async function readAppConfig(
  files: readonly string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<Config | undefined> {
  if (files.length === 0) {
    return undefined;
  }
  const configs: AppConfig[] = [];
  for (const file of files) {
    try {
      configs.push(await readOne(file, options));
    } catch (error) {
      throw new Error(
        `Cannot read app-config ${file}: ${(error as Error).message}`,
      );
    }
  }
  return ConfigReader.fromConfigs(configs);
}

async function readOne(
  file: string,
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<AppConfig> {
  const path = resolve(options.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`Config file "${path}" does not exist`);
    }
    throw error;
  }
  // An empty file is an empty config, as in the backend.
  const data =
    (await applyConfigSyntax(parseYaml(text) ?? {}, {
      dir: dirname(path),
      env: options.env,
    })) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('expected an object at the root of the file');
  }
  return { context: file, data: data as AppConfig['data'] };
}
