/*
 * Backend replicas as child processes for replicas.integration.test.ts: each runs
 * replicaBackend.ts on its own loopback port with the config it is given, is read through a
 * static access token, and reports the notifications it is asked to send. Their output is kept
 * (and printed by the test only when it fails).
 */

import { forkTs, request as send } from '@nkp-lifecycle/bench';
import { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTIFICATION_MESSAGE, START_MESSAGE } from './replicaBackend';

/** V8's compile cache, kept between runs: the replicas load a lot of code, three times. */
const COMPILE_CACHE = join(tmpdir(), 'nkp-replicas-compile-cache');

export interface Replica {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  output: string[];
  exited: Promise<void>;
  /** GETs `path` with the access token; undefined unless the answer is 2xx. */
  get(path: string): Promise<any>;
  post(path: string): Promise<Response>;
  /** Starts its backend and waits until the whole of it answers. */
  start(): Promise<Replica>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** Polls `check` until it returns something truthy; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
}

/**
 * Forks a replica with `config` (the listen port, base URL and access token are added): it loads
 * its code and waits for `start()`. `onNotification` hears every notification it is asked to
 * send.
 */
export async function launchReplica(options: {
  name: string;
  config: Record<string, any>;
  accessToken: string;
  dir: string;
  onNotification: (scope: string) => void;
}): Promise<Replica> {
  const { name, accessToken, dir } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = {
    ...options.config,
    backend: {
      ...options.config.backend,
      baseUrl: url,
      listen: { host: '127.0.0.1', port },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: accessToken, subject: 'replica-test' },
          },
        ],
      },
    },
  };
  const configPath = join(dir, `${name}.json`);
  writeFileSync(configPath, JSON.stringify(config));
  const child = forkTs(
    join(__dirname, 'replicaBackend.ts'),
    ['--config', configPath],
    {
      env: {
        ...process.env,
        // Not 'test': the scheduler's janitor, which frees a dead replica's claim, runs only so.
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        NODE_COMPILE_CACHE: COMPILE_CACHE,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', chunk => output.push(String(chunk)));
  child.stderr!.on('data', chunk => output.push(String(chunk)));
  child.on('message', (message: any) => {
    if (message?.type === NOTIFICATION_MESSAGE) {
      options.onNotification(message.payload.scope);
    }
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const request = (path: string, method = 'GET') =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}` },
    });
  const replica: Replica = {
    name,
    url,
    child,
    output,
    exited,
    get: async path => {
      const response = await request(path).catch(() => undefined);
      return response?.ok ? response.json() : undefined;
    },
    post: path => request(path, 'POST'),
    start: async () => {
      send(child, START_MESSAGE, {});
      try {
        await waitFor(
          `replica ${name} to answer`,
          async () => {
            if (child.exitCode !== null) {
              throw new Error(`replica ${name} exited (${child.exitCode})`);
            }
            // The catalog answers (rather than 503) once the whole backend has started.
            const [catalog, nkp] = await Promise.all([
              request('/api/catalog/entities/by-query?limit=1').catch(
                () => undefined,
              ),
              fetch(`${url}/api/nkp/health`).catch(() => undefined),
            ]);
            return catalog?.ok && nkp?.ok;
          },
          60_000,
        );
      } catch (error) {
        child.kill('SIGKILL');
        throw new Error(`${error}; its output:\n${output.join('')}`);
      }
      return replica;
    },
  };
  return replica;
}
