/*
 * The command: `dev-kube-apiserver [--port 7012] [--seed <dir|file>] [--token <token>]
 * [--read-only-token <token>] [--host localhost] [--no-watch-list]`. Reads the seed, starts the server and stops
 * it on SIGINT/SIGTERM. Tokens also come from DEV_KUBE_APISERVER_TOKEN and
 * DEV_KUBE_APISERVER_READ_ONLY_TOKEN; they are never printed.
 */
import { parseArgs } from 'node:util';
import { startApiServer } from './http/startApiServer';
import { readSeed } from './seed/readSeed';

/**
 * The demo's bearer token (app-config.demo.yaml reads the demo source with it).
 *
 * @public
 */
export const DEMO_TOKEN = 'demo-kube-token';
/**
 * The demo's read-only bearer token: get, list and watch, 403 on writes.
 *
 * @public
 */
export const DEMO_READ_ONLY_TOKEN = 'demo-kube-read-only-token';
/**
 * Where the demo expects it.
 *
 * @public
 */
export const DEFAULT_PORT = 7012;

const USAGE = `Usage: dev-kube-apiserver [--port ${DEFAULT_PORT}] [--seed <dir|file>] [--token <token>] [--read-only-token <token>] [--host localhost] [--no-watch-list]

A development Kubernetes API server seeded from kubectl exports (never for production).
Tokens default to DEV_KUBE_APISERVER_TOKEN / DEV_KUBE_APISERVER_READ_ONLY_TOKEN, else the demo's.
`;

function log(message: string) {
  process.stdout.write(`[dev-kube-apiserver] ${message}\n`);
}

/**
 * Runs the command with `process.argv`-style arguments.
 *
 * @public
 */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv.slice(2),
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string' },
      'read-only-token': { type: 'string' },
      host: { type: 'string' },
      'no-watch-list': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port: "${values.port}" is not a port number`);
  }
  const started = Date.now();
  const seed = readSeed(values.seed);
  const server = await startApiServer({
    host: values.host,
    port,
    token: values.token ?? process.env.DEV_KUBE_APISERVER_TOKEN ?? DEMO_TOKEN,
    readOnlyToken:
      values['read-only-token'] ??
      process.env.DEV_KUBE_APISERVER_READ_ONLY_TOKEN ??
      DEMO_READ_ONLY_TOKEN,
    seed,
    watchList: !values['no-watch-list'],
    log,
  });
  log(
    `Ready: ${server.url} (${seed.length} objects${
      values.seed ? ` from ${values.seed}` : ''
    }, resourceVersion ${server.store.resourceVersion}${
      values['no-watch-list'] ? ', watch-list streams refused' : ''
    }, ${Date.now() - started} ms)`,
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
