/*
 * A kube-apiserver stand-in for the benchmark: serves a generated NKP fleet of any size over
 * HTTPS on loopback the way the real server does (discovery, LIST pages bounded by `limit` with
 * `continue` tokens, WATCH streams, and watch-list streams: `sendInitialEvents=true` sends every
 * object as ADDED and then the initial-events-end bookmark, or is refused with 422 as by a server
 * with the WatchList gate off after `POST /bench/watch-list?enabled=false`). Pages and stream events
 * are rendered to JSON once, before the measured read, as kube-apiserver answers both from its
 * watch cache: the benchmark measures the client, and the server shares the client's two cores.
 * `POST /bench/modify?cluster=N` changes one cluster's Kubernetes version, re-renders its page
 * and pushes the MODIFIED event to the open cluster watches. `GET /bench/stats` answers the
 * requests served so far and the server process's CPU time. The objects come from
 * fleetObjects.ts. For the peer benchmark it also serves as many OCM `ManagedCluster`s as the
 * fleet has clusters (managedClusterObject.ts), as one unpaged LIST, and the hub's own
 * `local-cluster`, which is what the community OCM provider reads.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  capiClusterObject,
  FleetSize,
  kommanderClusterObject,
  projectObject,
  workspaceObject,
} from './fleetObjects';
import { managedClusterObject } from './managedClusterObject';

const MANAGED_CLUSTERS =
  '/apis/cluster.open-cluster-management.io/v1/managedclusters';

const GROUPS = {
  'workspaces.kommander.mesosphere.io/v1alpha1': ['workspaces', 'projects'],
  'kommander.mesosphere.io/v1beta1': ['kommanderclusters'],
  'cluster.x-k8s.io/v1beta1': ['clusters'],
} as const;

type Kind = 'workspaces' | 'projects' | 'kommanderclusters' | 'clusters';

/** The list path of each resource the fleet server serves. */
export const FLEET_RESOURCE_PATHS = Object.entries(GROUPS).flatMap(
  ([groupVersion, plurals]) =>
    plurals.map(plural => `/apis/${groupVersion}/${plural}`),
);

function apiVersionOf(kind: Kind): string {
  return Object.entries(GROUPS).find(([, plurals]) =>
    (plurals as readonly string[]).includes(kind),
  )![0];
}

export async function startFleetServer(size: FleetSize) {
  const { key, cert } = selfSignedCertificate();
  /** Requests served, /bench routes aside. */
  let requests = 0;
  /** Whether watch-list streams are served; `POST /bench/watch-list?enabled=false` refuses them. */
  let watchList = true;
  let resourceVersion = 100_000;
  const versionOverrides = new Map<number, string>();
  /** Open watches and the path each watches. */
  const watches = new Map<ServerResponse, string>();

  // Plus the management cluster's own workspace and cluster objects.
  const counts: Record<Kind, number> = {
    workspaces: size.workspaces + 1,
    projects: size.projects,
    kommanderclusters: size.clusters + 1,
    clusters: size.clusters + 1,
  };
  const count = (kind: Kind) => counts[kind];
  const objectAt = (kind: Kind, index: number) => {
    switch (kind) {
      case 'workspaces':
        return workspaceObject(index, size);
      case 'projects':
        return projectObject(index, size);
      case 'kommanderclusters':
        return kommanderClusterObject(index, size);
      default:
        return capiClusterObject(index, size, versionOverrides.get(index));
    }
  };

  // Rendered LIST pages by `kind:start:limit`.
  const pages = new Map<string, string>();
  const renderPage = (kind: Kind, start: number, limit: number) => {
    const end = Math.min(count(kind), start + limit);
    const items = [];
    for (let i = start; i < end; i++) items.push(objectAt(kind, i));
    const body = JSON.stringify({
      kind: 'List',
      apiVersion: apiVersionOf(kind),
      metadata: {
        resourceVersion: String(resourceVersion),
        ...(end < count(kind)
          ? { continue: String(end), remainingItemCount: count(kind) - end }
          : {}),
      },
      items,
    });
    pages.set(`${kind}:${start}:${limit}`, body);
    return body;
  };
  const prerender = (limit: number) => {
    for (const kind of Object.keys(counts) as Kind[]) {
      for (let start = 0; start < count(kind); start += limit) {
        renderPage(kind, start, limit);
      }
    }
  };

  // Watch-list streams: every object's ADDED line, in chunks of about 64 KiB.
  const streams = new Map<Kind, Buffer[]>();
  const renderStream = (kind: Kind) => {
    const chunks: Buffer[] = [];
    let lines: string[] = [];
    let length = 0;
    for (let i = 0; i < count(kind); i++) {
      const line = `${JSON.stringify({
        type: 'ADDED',
        object: objectAt(kind, i),
      })}\n`;
      lines.push(line);
      length += line.length;
      if (length >= 65_536) {
        chunks.push(Buffer.from(lines.join('')));
        lines = [];
        length = 0;
      }
    }
    if (lines.length) chunks.push(Buffer.from(lines.join('')));
    streams.set(kind, chunks);
    return chunks;
  };
  const prerenderStreams = () => {
    for (const kind of Object.keys(counts) as Kind[]) renderStream(kind);
  };

  // The OCM hub's ManagedClusters, as one unpaged LIST (the hub itself last).
  let managedClusters: Buffer | undefined;
  const prerenderManagedClusters = () => {
    const items = [];
    for (let i = 0; i < size.clusters; i++) {
      items.push(managedClusterObject(i));
    }
    items.push(managedClusterObject(size.clusters, true));
    managedClusters = Buffer.from(
      JSON.stringify({
        kind: 'ManagedClusterList',
        apiVersion: 'cluster.open-cluster-management.io/v1',
        metadata: { resourceVersion: String(resourceVersion) },
        items,
      }),
    );
    return managedClusters;
  };
  const sendStream = async (kind: Kind, res: ServerResponse) => {
    for (const chunk of streams.get(kind) ?? renderStream(kind)) {
      if (!res.write(chunk)) {
        await new Promise(resolve => res.once('drain', resolve));
      }
      if (res.destroyed) return;
    }
    res.write(
      `${JSON.stringify({
        type: 'BOOKMARK',
        object: {
          kind: 'Bookmark',
          apiVersion: apiVersionOf(kind),
          metadata: {
            resourceVersion: String(resourceVersion),
            annotations: { 'k8s.io/initial-events-end': 'true' },
          },
        },
      })}\n`,
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'https://127.0.0.1');
    const json = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/bench/modify') {
      const index = Number(url.searchParams.get('cluster'));
      versionOverrides.set(index, url.searchParams.get('version')!);
      const object = objectAt('clusters', index);
      object.metadata.resourceVersion = String(++resourceVersion);
      for (const pageKey of pages.keys()) {
        const [kind, start, limit] = pageKey.split(':');
        if (
          kind === 'clusters' &&
          index >= Number(start) &&
          index < Number(start) + Number(limit)
        ) {
          renderPage('clusters', Number(start), Number(limit));
        }
      }
      streams.delete('clusters');
      const line = `${JSON.stringify({ type: 'MODIFIED', object })}\n`;
      for (const [watch, path] of watches) {
        if (path.endsWith('/clusters')) watch.write(line);
      }
      json({ watches: watches.size });
      return;
    }
    if (url.pathname === '/bench/watches') {
      json({ watching: [...watches.values()] });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/bench/watch-list') {
      watchList = url.searchParams.get('enabled') === 'true';
      json({ watchList });
      return;
    }
    if (url.pathname === '/bench/stats') {
      const cpu = process.cpuUsage();
      json({ requests, cpuMs: (cpu.user + cpu.system) / 1000 });
      return;
    }
    requests++;
    if (url.pathname === MANAGED_CLUSTERS) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(managedClusters ?? prerenderManagedClusters());
      return;
    }
    if (url.pathname === `${MANAGED_CLUSTERS}/local-cluster`) {
      json(managedClusterObject(size.clusters, true));
      return;
    }
    if (url.pathname === '/apis') {
      json({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: Object.keys(GROUPS).map(gv => {
          const [name, version] = gv.split('/');
          const v = { groupVersion: gv, version };
          return { name, versions: [v], preferredVersion: v };
        }),
      });
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean); // apis, group, version, plural?
    const groupVersion = `${parts[1]}/${parts[2]}` as keyof typeof GROUPS;
    const plurals = GROUPS[groupVersion] as readonly Kind[] | undefined;
    if (!plurals) {
      json({ kind: 'Status', code: 404, message: 'not found' }, 404);
      return;
    }
    if (parts.length === 3) {
      json({
        kind: 'APIResourceList',
        groupVersion,
        resources: plurals.map(name => ({
          name,
          verbs: ['get', 'list', 'watch'],
        })),
      });
      return;
    }
    const kind = parts[3] as Kind;
    if (url.searchParams.get('watch') === 'true') {
      const initial = url.searchParams.get('sendInitialEvents') === 'true';
      if (initial && !watchList) {
        json(
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            reason: 'Invalid',
            code: 422,
            message:
              'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
          },
          422,
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (initial) {
        // Not counted as a watch until its initial events are out.
        void sendStream(kind, res).then(() => {
          if (!res.destroyed) watches.set(res, url.pathname);
        });
      } else {
        watches.set(res, url.pathname);
      }
      res.on('close', () => watches.delete(res));
      return;
    }
    const limit = Number(url.searchParams.get('limit') ?? 500);
    const start = Number(url.searchParams.get('continue') ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      pages.get(`${kind}:${start}:${limit}`) ?? renderPage(kind, start, limit),
    );
  };

  const server = createServer({ key, cert }, handle);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    prerender,
    prerenderStreams,
    prerenderManagedClusters,
    url: `https://127.0.0.1:${port}`,
    caData: Buffer.from(cert).toString('base64'),
    close: () =>
      new Promise<void>(resolve => {
        for (const watch of watches.keys()) watch.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Where a started fleet server answers, and the certificate to trust. */
export interface FleetServerAddress {
  url: string;
  /** Base64 PEM of the server's self-signed certificate. */
  caData: string;
}

/** The body of `method path` on the fleet server, as text. */
function fleetServerText(
  server: FleetServerAddress,
  path: string,
  method = 'GET',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      // No keep-alive: a pooled socket the server has just closed fails with "socket hang up".
      {
        method,
        agent: false,
        ca: Buffer.from(server.caData, 'base64'),
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The body of `method path` on the fleet server (its /bench routes), parsed. */
export async function fleetServerJson(
  server: FleetServerAddress,
  path: string,
  method: string,
): Promise<any> {
  return JSON.parse(await fleetServerText(server, path, method));
}

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'nkp-bench-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
