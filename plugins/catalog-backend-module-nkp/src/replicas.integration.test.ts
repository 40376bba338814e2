/*
 * Two backend replicas on one PostgreSQL database, the way Backstage scales past one machine:
 * real backends in child processes (__testUtils__/replicaBackend.ts: the catalog with this
 * module, the events backend, the notifications backend, the NKP policy backend), reading two
 * self-managed NKP endpoints that nkp-node's FakeApiServer serves over HTTP. Each replica reads
 * with its own token, so the servers can tell which replica reads. Checked: ingestion runs once
 * per schedule; a change on a server reaches both replicas' policy state through the event bus;
 * each notification is sent once; a replica killed (SIGKILL) in the middle of a run loses
 * nothing, not even when an endpoint is down at the run after it.
 */

import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  capiCluster,
  FakeApiServer,
  status,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/testUtils';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfManagedFleet } from './__testUtils__/kubernetesProviders';
import { launchReplica, Replica, waitFor } from './__testUtils__/replicas';

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgres = databases.supports('POSTGRES_15');
if (process.env.NKP_TEST_REQUIRE_POSTGRES === 'true' && !postgres) {
  throw new Error(
    'PostgreSQL integration tests required but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
  );
}

// Two backends load and start on a 2-core machine beside other suites; at a load average of 12
// this test needed more than 110 s.
jest.setTimeout(300_000);

const ACCESS_TOKEN = randomBytes(24).toString('hex');
const TASK = 'nkp:tenants:refresh';
const HOOLI = 'tenants-hooli-hooli-nkp';
const STARK = 'tenants-stark-stark-nkp';
const ALL = [
  'tenants-hooli-default-workspace',
  'tenants-hooli-default-workspace-hooli-nkp-web',
  HOOLI,
  'tenants-stark-default-workspace',
  'tenants-stark-default-workspace-stark-nkp-web',
  STARK,
];

type Tenant = 'hooli' | 'stark';

/**
 * A request an NKP server answered (watches aside, watch-list streams included): when, which
 * path, for which replica.
 */
interface Served {
  at: number;
  tenant: Tenant;
  path: string;
  replica?: string;
}

/** What the test does to an NKP server's answers. */
interface Faults {
  /** Holds every list for two seconds. */
  slowLists: boolean;
  /** Answers everything with 503. */
  down: boolean;
  /** Told of every list, before it is held. */
  onList(replica?: string): void;
}

// Without PostgreSQL (and without NKP_TEST_REQUIRE_POSTGRES) there is nothing to share.
const describeOnPostgres = postgres ? describe : describe.skip;

describeOnPostgres('two backend replicas on one PostgreSQL database', () => {
  const replicas: Replica[] = [];
  const closers: Array<() => Promise<void>> = [];
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nkp-replicas-'));
  });

  afterAll(async () => {
    await Promise.all(
      replicas.map(async replica => {
        replica.child.kill('SIGKILL');
        await replica.exited;
      }),
    );
    await Promise.all(closers.map(close => close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingest once per schedule, share changes and notifications, and lose nothing when one is killed mid-run', async () => {
    const knex = await databases.init('POSTGRES_15');
    const connection = knex.client.config.connection;

    const served: Served[] = [];
    const readers = new Map<string, string>();
    const faults: Record<Tenant, Faults> = {
      hooli: { slowLists: false, down: false, onList: () => {} },
      stark: { slowLists: false, down: false, onList: () => {} },
    };
    const serve = async (tenant: Tenant, objects: object[]) => {
      const { api, close } = await FakeApiServer.listen({
        intercept: async request => {
          const url = new URL(request.url);
          const replica = readers.get(request.headers.get('authorization')!);
          // Watches are not reads; a watch-list stream (the default way to read) is.
          const stream = url.searchParams.get('sendInitialEvents') === 'true';
          if (url.searchParams.get('watch') === 'true' && !stream) {
            return undefined;
          }
          served.push({
            at: Date.now(),
            tenant,
            path: url.pathname,
            replica,
          });
          if (faults[tenant].down) {
            return status(503, 'ServiceUnavailable', 'apiserver is down');
          }
          // /apis/<group>/<version>/<plural>: a list, or a watch-list stream
          if (url.pathname.split('/').length === 5) {
            faults[tenant].onList(replica);
            if (faults[tenant].slowLists) {
              await new Promise(r => setTimeout(r, 2000));
            }
          }
          return undefined;
        },
      });
      closers.push(close);
      return api.add(...objects);
    };
    const hooli = await serve('hooli', selfManagedFleet('hooli-nkp'));
    // stark runs Kubernetes 1.29, past its upstream end of life: a notification is due.
    const stark = await serve(
      'stark',
      selfManagedFleet('stark-nkp').map(o =>
        o.kind === 'Cluster'
          ? capiCluster('stark-nkp', 'default', {
              version: 'v1.29.10',
              clusterClass: 'nkp-nutanix-v2.12.0',
            })
          : o,
      ),
    );

    const notifications: Array<{ replica: string; scope: string }> = [];
    /** Forks a replica (it loads meanwhile); its `start()` starts it. */
    const launch = (name: string) => {
      const token = `${name}-${randomBytes(8).toString('hex')}`;
      readers.set(`Bearer ${token}`, name);
      return launchReplica({
        name,
        dir,
        accessToken: ACCESS_TOKEN,
        onNotification: scope => notifications.push({ replica: name, scope }),
        config: {
          // Where notifications link to; no frontend runs.
          app: { baseUrl: 'http://127.0.0.1:3000' },
          backend: {
            database: {
              client: 'pg',
              connection,
              pluginDivisionMode: 'schema',
            },
          },
          // Read through the static access token; the permission framework is not under test.
          permission: { enabled: false },
          catalog: {
            rules: [{ allow: ['Resource', 'System', 'Domain'] }],
            providers: {
              nkp: {
                tenants: {
                  // Plain HTTP on loopback (skipTLSVerify is what allows it).
                  endpoints: [
                    {
                      name: 'hooli',
                      url: hooli.url,
                      token,
                      skipTLSVerify: true,
                    },
                    {
                      name: 'stark',
                      url: stark.url,
                      token,
                      skipTLSVerify: true,
                    },
                  ],
                  owners: { default: 'group:default/tenant-admins' },
                  schedule: {
                    frequency: { seconds: 60 },
                    timeout: { seconds: 5 },
                  },
                  watch: { debounceMilliseconds: 50 },
                },
              },
            },
          },
          // Within the test only events re-evaluate the fleet, never the interval.
          nkp: { refreshIntervalSeconds: 3600 },
        },
      }).then(replica => {
        replicas.push(replica);
        return replica;
      });
    };

    const catalogNames = async (replica: Replica): Promise<string[]> => {
      const page = await replica.get(
        '/api/catalog/entities/by-query?limit=100&filter=metadata.annotations.backstage.io/managed-by-location=nkp:tenants',
      );
      return (page?.items ?? []).map((e: Entity) => e.metadata.name).sort();
    };
    const cluster = (replica: Replica, name: string) =>
      replica.get(`/api/nkp/clusters/default/${name}`);
    const versionOn = async (replica: Replica, name: string) =>
      (await cluster(replica, name))?.kubernetesVersion;
    /** Runs since `since`, by replica: each run reads hooli's discovery once. */
    const runsSince = (since: number) =>
      served
        .filter(
          s => s.at >= since && s.tenant === 'hooli' && s.path === '/apis',
        )
        .map(s => s.replica);

    try {
      const started = Date.now();
      // Started one after the other, as a rolling deployment does: the first start of
      // Backstage on an empty database migrates it, and two doing so at once collide.
      const [a, b] = await Promise.all([launch('a'), launch('b')]);
      await a.start();
      await b.start();

      // 1. Both replicas are up for the first run of the schedule; one of them runs it.
      await waitFor(
        'the first run to be applied',
        async () => (await catalogNames(a)).length === ALL.length,
      );
      expect(await catalogNames(b)).toEqual(ALL);

      // 2. Both replicas' policy state has the fleet.
      for (const replica of [a, b]) {
        expect(
          await waitFor(`the fleet in ${replica.name}'s policy state`, () =>
            cluster(replica, STARK),
          ),
        ).toMatchObject({
          state: 'unsupported',
          kubernetesVersion: '1.29.10',
        });
      }

      // 3. A change on a server: one delta from the watching replica, its event reaches both.
      hooli.modify(capiCluster('hooli-nkp', 'default', { version: 'v1.35.0' }));
      for (const replica of [a, b]) {
        await waitFor(
          `the change in ${replica.name}'s policy state`,
          async () => (await versionOn(replica, HOOLI)) === '1.35.0',
        );
      }
      expect(runsSince(started)).toHaveLength(1);

      // 4. A run is triggered and its replica killed while it lists stark.
      faults.stark.slowLists = true;
      const killed = new Promise<Replica>(resolve => {
        faults.stark.onList = name => {
          const victim = replicas.find(r => r.name === name);
          if (victim?.child.exitCode === null && !victim.child.killed) {
            victim.child.kill('SIGKILL');
            resolve(victim);
          }
        };
      });
      const triggered = Date.now();
      const trigger = await a.post(
        `/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
          TASK,
        )}/trigger`,
      );
      expect(trigger.ok).toBe(true);
      const victim = await killed;
      faults.stark.onList = () => {};
      faults.stark.slowLists = false;
      await victim.exited;
      const killedAt = Date.now();
      const survivor = victim === a ? b : a;
      // Nothing applied, nothing deleted, and no second run while the dead claim stands.
      expect(await catalogNames(survivor)).toEqual(ALL);
      expect(runsSince(triggered)).toEqual([victim.name]);

      // 5. The killed replica comes back as a new process once its claim has timed out (5 s),
      //    and stark is down at the next run: stark keeps its entities, from the database.
      faults.stark.down = true;
      hooli.modify(capiCluster('hooli-nkp', 'default', { version: 'v1.35.1' }));
      const restarted = await launch(`${victim.name}-restarted`);
      await new Promise(r =>
        setTimeout(r, Math.max(0, 5_500 - (Date.now() - killedAt))),
      );
      await restarted.start();
      const [next] = await waitFor(
        'the next run',
        () => runsSince(killedAt).length > 0 && runsSince(killedAt),
        40_000,
      );
      const ranOn = replicas.find(r => r.name === next)!;
      await waitFor(`the next run to be applied by ${next}`, () =>
        /Applied 6 entities .*; kept the previous entities of stark/.test(
          ranOn.output.join(''),
        ),
      );
      expect(await catalogNames(restarted)).toEqual(ALL);
      for (const replica of [survivor, restarted]) {
        await waitFor(
          `the latest change in ${replica.name}'s policy state`,
          async () => (await versionOn(replica, HOOLI)) === '1.35.1',
        );
        expect(await cluster(replica, STARK)).toMatchObject({
          state: 'unsupported',
        });
      }
      expect(runsSince(killedAt)).toHaveLength(1);

      // 6. Each notification went out once, across both replicas and the restart.
      const scopes = notifications.map(n => n.scope);
      expect(scopes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(`^unsupported:resource:default/${STARK}:`),
        ]),
      );
      expect(scopes).toHaveLength(new Set(scopes).size);
    } catch (error) {
      for (const replica of replicas) {
        process.stderr.write(
          `\n----- replica ${replica.name} -----\n${replica.output.join('')}\n`,
        );
      }
      throw error;
    }
  });
});
