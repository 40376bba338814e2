/*
 * The command: `dev-oidc-issuer [--config <file>]`. Reads the configuration (default: the demo's,
 * demo.yaml beside this package), starts the issuer and stops it on SIGINT/SIGTERM.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readIssuerConfig } from './config/IssuerConfig';
import { startIssuer } from './issuer/startIssuer';

/** The demo's configuration file, shipped beside this package's package.json. */
export const demoConfigPath = path.resolve(
  require.resolve('@nkp-lifecycle/dev-oidc-issuer/package.json'),
  '..',
  'demo.yaml',
);

function log(message: string) {
  process.stdout.write(`[dev-oidc-issuer] ${message}\n`);
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv.slice(2),
    options: {
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: dev-oidc-issuer [--config <file>]\n\nA development OpenID Connect issuer with static users (default configuration: demo.yaml).\n',
    );
    return;
  }
  const file =
    values.config ?? process.env.DEV_OIDC_ISSUER_CONFIG ?? demoConfigPath;
  const issuer = await startIssuer(readIssuerConfig(file), { log });
  log(`Ready: ${issuer.url}/.well-known/openid-configuration`);
  const stop = () => {
    issuer.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
