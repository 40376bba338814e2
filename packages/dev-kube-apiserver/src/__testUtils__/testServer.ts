/*
 * Starts the server on a free port with the small seed beside this file, and speaks to it the
 * way clients do: JSON requests with a bearer token, and watches read line by line.
 */
import path from 'node:path';
import {
  ApiServerOptions,
  RunningApiServer,
  startApiServer,
} from '../http/startApiServer';
import { readSeed } from '../seed/readSeed';

export const TOKEN = 'test-token';
export const READ_ONLY_TOKEN = 'test-read-only-token';
export const SEED_DIR = path.resolve(__dirname, 'seed');
export const CLUSTERS = '/apis/cluster.x-k8s.io/v1beta1/clusters';
export const ACME_CLUSTERS =
  '/apis/cluster.x-k8s.io/v1beta1/namespaces/acme-ns/clusters';

export interface Answer {
  status: number;
  body: any;
}

export interface TestServer {
  server: RunningApiServer;
  logged: string[];
  request(
    method: string,
    path: string,
    options?: { token?: string | null; body?: string; contentType?: string },
  ): Promise<Answer>;
  /** Server-side apply of `object` (JSON) at `path` with the query parameters given. */
  apply(
    path: string,
    object: unknown,
    query?: Record<string, string>,
  ): Promise<Answer>;
  /** Reads a watch until `until` says enough (or the server ends it), then closes it. */
  watch(
    path: string,
    query: Record<string, string>,
    until?: (events: any[]) => boolean,
  ): Promise<any[]>;
  close(): Promise<void>;
}

export function clusterObject(
  name: string,
  spec: Record<string, unknown> = { topology: { version: 'v1.34.3' } },
  namespace = 'acme-ns',
) {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: { name, namespace },
    spec,
  };
}

export async function startTestServer(
  overrides: Partial<ApiServerOptions> = {},
): Promise<TestServer> {
  const logged: string[] = [];
  const server = await startApiServer({
    port: 0,
    token: TOKEN,
    readOnlyToken: READ_ONLY_TOKEN,
    seed: readSeed(SEED_DIR),
    bookmarkIntervalMs: 100,
    log: m => logged.push(m),
    ...overrides,
  });
  const request: TestServer['request'] = async (
    method,
    target,
    options = {},
  ) => {
    const token = options.token === undefined ? TOKEN : options.token;
    const response = await fetch(`${server.url}${target}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(options.contentType ? { 'Content-Type': options.contentType } : {}),
      },
      body: options.body,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body };
  };
  return {
    server,
    logged,
    request,
    apply: (target, object, query = { fieldManager: 'test' }) =>
      request('PATCH', `${target}?${new URLSearchParams(query)}`, {
        body: JSON.stringify(object),
        contentType: 'application/apply-patch+yaml',
      }),
    async watch(target, query, until = () => false) {
      const controller = new AbortController();
      const response = await fetch(
        `${server.url}${target}?${new URLSearchParams({
          watch: 'true',
          ...query,
        })}`,
        {
          headers: { Authorization: `Bearer ${TOKEN}` },
          signal: controller.signal,
        },
      );
      const events: any[] = [];
      const decoder = new TextDecoder();
      let pending = '';
      try {
        for await (const chunk of response.body as any as AsyncIterable<Uint8Array>) {
          pending += decoder.decode(chunk, { stream: true });
          const lines = pending.split('\n');
          pending = lines.pop()!;
          for (const line of lines.filter(Boolean)) {
            events.push(JSON.parse(line));
          }
          if (until(events)) break;
        }
      } finally {
        controller.abort();
      }
      return events;
    },
    close: () => server.close(),
  };
}
