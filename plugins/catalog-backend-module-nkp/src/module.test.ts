import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { resolve } from 'node:path';
import { catalogModuleNkp } from './module';
import { NkpEntityProvider } from './providers';

const demoFleet = resolve(__dirname, '../../../examples/nkp-demo-fleet');

describe('catalogModuleNkp', () => {
  it('registers one provider per configured source and runs each on the scheduler', async () => {
    const addEntityProvider = jest.fn();
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
        [catalogProcessingExtensionPoint, { addEntityProvider }],
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
          [catalogProcessingExtensionPoint, { addEntityProvider: jest.fn() }],
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
});
