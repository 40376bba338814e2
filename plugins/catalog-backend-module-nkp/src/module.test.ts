import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { setupServer } from 'msw/node';
import { resolve } from 'node:path';
import {
  FakeApiServer,
  smallFleet,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/testUtils';
import { catalogModuleNkp } from './module';
import { NkpEntityProvider } from './providers';
import { NkpEntityOriginProcessor } from './processors';

// Starting a whole backend can take longer than Jest's default 5 s on a busy 2-core machine.
jest.setTimeout(30_000);

const demoFleet = resolve(__dirname, '../../../examples/nkp-demo-fleet');

const msw = setupServer();
registerMswTestHooks(msw);

describe('catalogModuleNkp', () => {
  it('registers one provider per configured source and runs each on the scheduler', async () => {
    const addEntityProvider = jest.fn();
    const addProcessor = jest.fn();
    const tasks: Array<{
      schedule: unknown;
      task: SchedulerServiceTaskInvocationDefinition;
    }> = [];
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: schedule => ({
        run: async task => void tasks.push({ schedule, task }),
      }),
    });

    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider, addProcessor }],
      ],
      features: [
        catalogModuleNkp,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                nkp: {
                  demo: { offline: { paths: [`${demoFleet}/management`] } },
                  hooli: {
                    model: 'self-managed',
                    offline: { paths: [`${demoFleet}/hooli`] },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    expect(addEntityProvider).toHaveBeenCalledTimes(1);
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(NkpEntityOriginProcessor),
    );
    const providers: NkpEntityProvider[] = addEntityProvider.mock.calls[0][0];
    expect(providers.map(p => p.getProviderName())).toEqual([
      'nkp:demo',
      'nkp:hooli',
    ]);

    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await Promise.all(providers.map(p => p.connect(connection)));
    expect(tasks.map(t => [t.task.id, t.schedule])).toEqual([
      ['nkp:demo:refresh', expect.objectContaining({ scope: 'global' })],
      ['nkp:hooli:refresh', expect.objectContaining({ scope: 'global' })],
    ]);

    await tasks[1].task.fn(new AbortController().signal);
    expect(connection.applyMutation).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'full' }),
    );
  });

  it('fails startup with a message naming the bad key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [
            catalogProcessingExtensionPoint,
            { addEntityProvider: jest.fn(), addProcessor: jest.fn() },
          ],
        ],
        features: [
          catalogModuleNkp,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                providers: {
                  nkp: {
                    demo: { offline: { paths: ['x'] }, maxShrinkPercent: 400 },
                  },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'catalog.providers.nkp.demo.maxShrinkPercent must be between 0 and 100, got 400',
    );
  });

  it('wires a Kubernetes API source: reads the management cluster and never logs its token', async () => {
    const token = 'sha256~module-test-secret-token';
    const server = new FakeApiServer('https://nkp-mgmt.example:6443').add(
      ...smallFleet(),
    );
    msw.use(...server.handlers());
    const addEntityProvider = jest.fn();
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);

    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addEntityProvider, addProcessor: jest.fn() },
        ],
      ],
      features: [
        catalogModuleNkp,
        logger.factory,
        mockServices.scheduler.mock({
          createScheduledTaskRunner: () => ({
            run: async task => void tasks.push(task),
          }),
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                nkp: {
                  mgmt: {
                    api: { url: 'https://nkp-mgmt.example:6443', token },
                    watch: { enabled: false },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    const [provider]: NkpEntityProvider[] = addEntityProvider.mock.calls[0][0];
    expect(provider.getProviderName()).toBe('nkp:mgmt');
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await provider.connect(connection);
    await tasks[0].fn(new AbortController().signal);

    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    expect(
      mutation.entities.filter(
        (e: { entity: { kind: string } }) => e.entity.kind === 'Resource',
      ).length,
    ).toBeGreaterThan(0);
    const logged = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
      logger.error.mock.calls,
      logger.debug.mock.calls,
    ]);
    expect(logged).not.toContain(token);
    expect(JSON.stringify(mutation)).not.toContain(token);
    await provider.stop();
  });
});
