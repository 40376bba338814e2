/*
 * The server as the portal reads it: the same `api` source the catalog module runs
 * (@nkp-lifecycle/backstage-plugin-nkp-node/kubernetes) reads the demo management cluster from
 * this server exactly as the offline source reads the export files it was seeded from, and
 * follows an apply through its watch.
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_KUBERNETES_READ_OPTIONS,
  OfflineExportSource,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import {
  KubernetesSource,
  NkpSourceChange,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/kubernetes';
import path from 'node:path';
import { startApiServer, RunningApiServer } from './http/startApiServer';
import { readSeed } from './seed/readSeed';

const DEMO = path.resolve(
  __dirname,
  '../../../examples/nkp-demo-fleet/management',
);
const TOKEN = 'portal-test-token';

const identity = (o: any) =>
  `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

describe('the portal reading the server', () => {
  let server: RunningApiServer;
  /** The same, refusing watch-list streams (`--no-watch-list`). */
  let refusing: RunningApiServer;
  beforeAll(async () => {
    server = await startApiServer({
      port: 0,
      token: TOKEN,
      seed: readSeed(DEMO),
    });
    refusing = await startApiServer({
      port: 0,
      token: TOKEN,
      seed: readSeed(DEMO),
      watchList: false,
    });
  });
  afterAll(() => Promise.all([server.close(), refusing.close()]));

  function apiSource(
    pageSize: number,
    options: { streamingLists?: boolean; on?: RunningApiServer } = {},
  ) {
    return KubernetesSource.fromConnection({
      connection: {
        auth: 'token',
        url: (options.on ?? server).url,
        token: TOKEN,
        skipTLSVerify: true,
      },
      key: 'catalog.providers.nkp.demo.api',
      readOptions: {
        ...DEFAULT_KUBERNETES_READ_OPTIONS,
        streamingLists:
          options.streamingLists ??
          DEFAULT_KUBERNETES_READ_OPTIONS.streamingLists,
        pageSize,
        watch: { ...DEFAULT_KUBERNETES_READ_OPTIONS.watch, debounceMs: 10 },
      },
      logger: mockServices.logger.mock(),
    });
  }

  it.each`
    how                                | pageSize | streamingLists | refused
    ${'as watch-list streams'}         | ${500}   | ${true}        | ${false}
    ${'in pages of 2'}                 | ${2}     | ${false}       | ${false}
    ${'in pages of 7'}                 | ${7}     | ${false}       | ${false}
    ${'in pages of 500'}               | ${500}   | ${false}       | ${false}
    ${'in pages of 7 after a refusal'} | ${7}     | ${true}        | ${true}
  `(
    'reads $how the objects the offline source reads from the seed files, as exported',
    async ({ pageSize, streamingLists, refused }) => {
      const offline = await new OfflineExportSource([DEMO]).read(
        AbortSignal.timeout(10_000),
      );
      const read = await apiSource(pageSize, {
        streamingLists,
        on: refused ? refusing : server,
      }).read(AbortSignal.timeout(10_000));
      expect(read.objects.map(identity).sort()).toEqual(
        offline.objects.map(identity).sort(),
      );
      const byIdentity = new Map(offline.objects.map(o => [identity(o), o]));
      for (const object of read.objects as any[]) {
        const exported = byIdentity.get(identity(object)) as any;
        // The source keeps what normalisation reads: a part of each exported object.
        expect(exported).toMatchObject({
          ...(object.spec ? { spec: object.spec } : {}),
          ...(object.status ? { status: object.status } : {}),
        });
      }
    },
  );

  it('follows an applied cluster through the watch, Provisioning', async () => {
    const controller = new AbortController();
    const read = await apiSource(500).read(controller.signal);
    const changes: NkpSourceChange[] = [];
    const followed = new Promise<NkpSourceChange>(resolve => {
      read.watch!(change => {
        changes.push(change);
        if (
          change.objects.some(o => (o as any).metadata?.name === 'acme-new')
        ) {
          resolve(change);
        }
      }, controller.signal);
    });
    const answer = await fetch(
      `${server.url}/apis/cluster.x-k8s.io/v1beta1/namespaces/acme-retail-x7k2p/clusters/acme-new?fieldManager=nkp-lifecycle`,
      {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/apply-patch+yaml',
        },
        body: [
          'apiVersion: cluster.x-k8s.io/v1beta1',
          'kind: Cluster',
          'metadata:',
          '  name: acme-new',
          '  labels: { nkp-lifecycle.io/owner: team-acme }',
          'spec:',
          '  topology: { class: nkp-nutanix-v2.17.1, version: v1.34.3 }',
        ].join('\n'),
      },
    );
    expect(answer.status).toBe(201);
    const change = await followed;
    controller.abort();
    expect(change.cause).toBe('events');
    const added = change.objects.find(
      o => (o as any).metadata?.name === 'acme-new',
    ) as any;
    expect(added.status).toEqual({ phase: 'Provisioning' });
    expect(change.objects).toHaveLength(read.objects.length + 1);
  });
});
