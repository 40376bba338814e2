import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { NkpSource, RawObject } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { smallFleet } from '@nkp-lifecycle/backstage-plugin-nkp-node/testUtils';
import { testStores } from '../__testUtils__/testStores';
import { AppliedPartsStore } from '../database/AppliedPartsStore';
import { NkpEntityProvider, watchLifetimeFor } from './NkpEntityProvider';
import { readNkpProviderConfigs } from './NkpProviderConfig';

const stores = testStores();

const [config] = readNkpProviderConfigs(
  new ConfigReader({
    catalog: {
      providers: {
        nkp: { demo: { offline: { paths: ['unused'] }, maxShrinkPercent: 50 } },
      },
    },
  }),
);

/** A source whose next read returns (or fails with) whatever the test queues. */
class QueuedSource implements NkpSource {
  readonly reads: Array<(signal: AbortSignal) => Promise<RawObject[]>> = [];
  async read(signal: AbortSignal) {
    const next = this.reads.shift();
    if (!next) throw new Error('unexpected read');
    return { objects: await next(signal) };
  }
}

/** A logger whose children are itself, so a test sees every line the provider logs. */
function loggerMock() {
  const logger = {
    child: jest.fn(),
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
  };
  logger.child.mockReturnValue(logger);
  return logger;
}

/** `store`: the database of an earlier provider, as after a restart. */
async function setup(
  store: AppliedPartsStore | Promise<AppliedPartsStore> = stores.create(),
) {
  const source = new QueuedSource();
  const logger = loggerMock();
  const events = { publish: jest.fn(), subscribe: jest.fn() };
  let task: SchedulerServiceTaskInvocationDefinition | undefined;
  const provider = new NkpEntityProvider({
    config,
    source,
    logger,
    taskRunner: { run: async t => void (task = t) },
    store: await store,
    events,
  });
  const connection = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  } satisfies EntityProviderConnection;
  await provider.connect(connection);
  return {
    provider,
    source,
    logger,
    connection,
    events,
    task: task!,
    store: await store,
  };
}

const signal = () => new AbortController().signal;
/** What a truncated export might hold: only the management cluster's own objects. */
const truncatedFleet = () =>
  smallFleet().filter(o =>
    ['default-workspace', 'mgmt', 'host-cluster'].includes(o.metadata.name),
  );

describe('NkpEntityProvider', () => {
  it('tells the policy backend after it applied a read, and not after a refused one', async () => {
    const { source, task, events } = await setup();
    source.reads.push(async () => smallFleet());
    await task.fn(signal());
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'nkp-lifecycle.catalog-changed',
      eventPayload: { provider: 'nkp:demo', mutation: 'full', entities: 9 },
    });
    source.reads.push(async () => []);
    await task.fn(signal());
    expect(events.publish).toHaveBeenCalledTimes(1);
  });

  it('still applies when the event cannot be published', async () => {
    const { source, task, events, connection, logger } = await setup();
    events.publish.mockRejectedValue(new Error('bus down'));
    source.reads.push(async () => smallFleet());
    await expect(task.fn(signal())).resolves.toBeUndefined();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not publish nkp-lifecycle.catalog-changed: Error: bus down',
    );
  });

  it('is named after its source and schedules a refresh task', async () => {
    const { provider, task } = await setup();
    expect(provider.getProviderName()).toBe('nkp:demo');
    expect(task.id).toBe('nkp:demo:refresh');
  });

  it('applies the whole fleet as one full mutation keyed by the provider', async () => {
    const { provider, source, connection, task } = await setup();
    source.reads.push(async () => smallFleet());
    await task.fn(signal());

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    expect(mutation.entities).toHaveLength(9);
    for (const { entity, locationKey } of mutation.entities) {
      expect(locationKey).toBe('nkp:demo');
      expect(entity.metadata.annotations).toMatchObject({
        'backstage.io/managed-by-location': 'nkp:demo',
        'backstage.io/managed-by-origin-location': 'nkp:demo',
      });
    }
    expect(mutation.entities.map((e: any) => e.entity.metadata.name)).toContain(
      'demo-acme-prod',
    );
    expect(provider.getProviderName()).toBe('nkp:demo');
  });

  it('logs each warning with the object it is about', async () => {
    const { provider, source, logger } = await setup();
    source.reads.push(async () => [
      ...smallFleet(),
      { kind: 'Cluster', metadata: { name: 'x' } },
    ]);
    await provider.refresh(signal());
    expect(logger.child).toHaveBeenCalledWith({ target: 'nkp:demo' });
    expect(logger.warn).toHaveBeenCalledWith(
      'NKP object Cluster x: missing apiVersion or kind; skipped',
      { object: 'Cluster x' },
    );
  });

  it.each([
    ['an empty result', () => []],
    ['a result that shrank by more than maxShrinkPercent', truncatedFleet],
  ])('refuses %s and keeps the previous entities', async (_, next) => {
    const { provider, source, connection } = await setup();
    source.reads.push(async () => smallFleet());
    expect(await provider.refresh(signal())).toEqual({
      status: 'applied',
      entities: 9,
      warnings: 0,
    });

    source.reads.push(async () => next());
    expect(await provider.refresh(signal())).toEqual({
      status: 'refused',
      reason: expect.any(String),
    });
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);

    // The guard compares with the last *applied* result, so a second bad read is refused too.
    source.reads.push(async () => next());
    expect((await provider.refresh(signal())).status).toBe('refused');
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('refuses an empty first result, since the catalog may still hold entities from before a restart', async () => {
    const { provider, source, connection } = await setup();
    source.reads.push(async () => []);
    expect((await provider.refresh(signal())).status).toBe('refused');
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('does not touch the catalog when the read fails', async () => {
    const { provider, source, connection } = await setup();
    source.reads.push(async () => {
      throw new Error(
        'Failed to parse /exports/clusters.yaml: bad indentation',
      );
    });
    expect(await provider.refresh(signal())).toEqual({
      status: 'failed',
      error: 'Error: Failed to parse /exports/clusters.yaml: bad indentation',
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('honours the abort signal, even when the read finished regardless', async () => {
    const { provider, source, connection } = await setup();
    const controller = new AbortController();
    source.reads.push(async () => {
      controller.abort(); // the scheduler times the run out while the source is still reading
      return smallFleet();
    });
    expect((await provider.refresh(controller.signal)).status).toBe('failed');
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('guards the first run after a restart with the count applied before it', async () => {
    const before = await setup();
    before.source.reads.push(async () => smallFleet());
    await before.provider.refresh(signal());

    // A new process on the same database: nothing in memory, the count in the store.
    const { provider, source, connection, logger } = await setup(before.store);
    source.reads.push(async () => truncatedFleet());
    expect(await provider.refresh(signal())).toEqual({
      status: 'refused',
      reason:
        'the result shrank by 78% (from 9 to 2 entities), more than maxShrinkPercent 50%',
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Refusing to update the catalog from nkp:demo'),
    );
  });

  it('creates one provider per source, each scheduled once across replicas', async () => {
    const scheduler = mockServices.scheduler.mock();
    const providers = NkpEntityProvider.fromConfig(
      new ConfigReader({
        catalog: {
          providers: {
            nkp: {
              demo: { offline: { paths: ['a'] } },
              hooli: {
                model: 'self-managed',
                offline: { paths: ['b'] },
                schedule: {
                  frequency: { minutes: 5 },
                  timeout: { minutes: 1 },
                },
              },
            },
          },
        },
      }),
      {
        logger: mockServices.logger.mock(),
        scheduler,
        store: await stores.create(),
      },
    );
    expect(providers.map(p => p.getProviderName())).toEqual([
      'nkp:demo',
      'nkp:hooli',
    ]);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
      scope: 'global',
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
      scope: 'global',
    });
  });
});

describe('watchLifetimeFor', () => {
  it.each([
    [{ minutes: 30 }, 45 * 60_000],
    [{ seconds: 2 }, 3_000],
    [{ cron: '*/30 * * * *' }, undefined],
    [{ trigger: 'manual' as const }, undefined],
    [{ minutes: 0 }, undefined],
  ])('%j → %p ms', (frequency, expected) => {
    expect(watchLifetimeFor(frequency)).toBe(expected);
  });
});
