/*
 * Providers from config against msw-served Kubernetes API servers (nkp-node's FakeApiServer),
 * each with a mocked catalog connection and a real AppliedPartsStore; for the provider tests.
 * Call at the top level of a test file: it registers msw's and the providers' hooks.
 */

import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import {
  capiCluster,
  FakeApiServer,
  kommanderCluster,
  project,
  smallFleet,
  workspace,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/testUtils';
import { setupServer } from 'msw/node';
import { AppliedPartsStore } from '../database/AppliedPartsStore';
import { NkpEntityProvider } from '../providers/NkpEntityProvider';
import { testStores } from './testStores';

export const TOKEN = 'sha256~very-secret-service-account-token';
export const CLUSTERS = '/apis/cluster.x-k8s.io/v1beta1/clusters';
/** Small pages and short windows, so that tests page and settle quickly. */
export const tuning = {
  requests: { pageSize: 2, timeoutSeconds: 0.3 },
  watch: { debounceMilliseconds: 20, idleTimeoutSeconds: 5 },
};

/** A self-managed NKP cluster: its own CAPI Cluster, `host-cluster`, a workspace, projects. */
export function selfManagedFleet(name: string) {
  return [
    workspace('default-workspace', 'kommander-default-workspace'),
    capiCluster(name, 'default'),
    kommanderCluster('host-cluster', 'kommander-default-workspace', {
      labels: { tenant: name },
    }),
    project(`${name}-web`, 'kommander-default-workspace', 'default-workspace', {
      clusters: [{ name: 'host-cluster' }],
    }),
  ];
}

export type Mutation = EntityProviderMutation;
export const fullEntities = (mutation: Mutation): Entity[] =>
  mutation.type === 'full' ? mutation.entities.map(e => e.entity) : [];
export const nameOf = (e: Entity) => e.metadata.name;

/** Waits until `connection` has had `count` mutations (and no more); returns the last one. */
export async function mutationNumber(
  connection: { applyMutation: jest.Mock },
  count: number,
): Promise<Mutation> {
  for (
    let i = 0;
    i < 300 && connection.applyMutation.mock.calls.length < count;
    i++
  ) {
    await new Promise(r => setTimeout(r, 10));
  }
  expect(connection.applyMutation).toHaveBeenCalledTimes(count);
  return connection.applyMutation.mock.calls[count - 1][0];
}

export function kubernetesProviders(
  stores: ReturnType<typeof testStores> = testStores(),
) {
  const msw = setupServer();
  registerMswTestHooks(msw);
  const providers: NkpEntityProvider[] = [];
  afterEach(async () => {
    await Promise.all(providers.splice(0).map(p => p.stop()));
  });

  return {
    /** Serves an NKP cluster's API at `url`. */
    serve(url: string, objects: Array<Record<string, any>> = smallFleet()) {
      const server = new FakeApiServer(url).add(...objects);
      msw.use(...server.handlers());
      return server;
    },

    /**
     * Providers for `sources` (`catalog.providers.nkp`); `store`: the database of earlier
     * providers, as after a restart or on another replica.
     */
    async setup(
      sources: Record<string, object>,
      store: AppliedPartsStore | Promise<AppliedPartsStore> = stores.create(),
    ) {
      const logger = mockServices.logger.mock();
      logger.child.mockReturnValue(logger);
      const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
      const scheduler = mockServices.scheduler.mock({
        createScheduledTaskRunner: () => ({
          run: async task => void tasks.push(task),
        }),
      });
      // What the providers tell the policy backend (NKP_CATALOG_CHANGED_TOPIC).
      const events = { publish: jest.fn(async () => {}), subscribe: jest.fn() };
      const created = NkpEntityProvider.fromConfig(
        new ConfigReader({ catalog: { providers: { nkp: sources } } }),
        { logger, scheduler, store: await store, events },
      );
      providers.push(...created);
      const connections = await Promise.all(
        created.map(async provider => {
          const connection = {
            applyMutation: jest.fn(async (_: EntityProviderMutation) => {}),
            refresh: jest.fn(),
          };
          await provider.connect(connection);
          return connection;
        }),
      );
      const run = (index = 0) => tasks[index].fn(new AbortController().signal);
      return { logger, connections, run, providers: created, events };
    },
  };
}
