/*
 * The portal's config as the backend loads it: the repository's app-config files in order, with
 * `${VAR}` substitution from the given variables only (never the test process's environment).
 */
import { ConfigSources } from '@backstage/config-loader';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../../..');

/** app-config.yaml plus the demo overlay: what `yarn start` and the e2e tests run. */
export const DEMO_CONFIG = ['app-config.yaml', 'app-config.demo.yaml'];
/** app-config.yaml plus the production overrides: what ./scripts/production.sh serves. */
export const PRODUCTION_CONFIG = [
  'app-config.yaml',
  'app-config.production.yaml',
];

export async function loadPortalConfig(
  files: string[],
  env: Record<string, string> = {},
) {
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      rootDir: repoRoot,
      targets: files.map(file => ({
        type: 'path' as const,
        target: path.join(repoRoot, file),
      })),
      substitutionFunc: async name => env[name],
    }),
  );
  config.close();
  return config;
}
