/*
 * What the provider adds to a source's config: its schedule and shrink guard. The source itself
 * is read by nkp-node (readNkpSourceConfig.test.ts there), with the same messages.
 */

import { ConfigReader } from '@backstage/config';
import { readNkpProviderConfigs } from './NkpProviderConfig';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const read = (sources: JsonObject) =>
  readNkpProviderConfigs(
    new ConfigReader({ catalog: { providers: { nkp: sources } } }),
  );

describe('readNkpProviderConfigs', () => {
  it('returns no sources when none are configured', () => {
    expect(readNkpProviderConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('adds the default schedule and shrink guard to the source', () => {
    const [config] = read({ demo: { offline: { paths: ['./export'] } } });
    expect(config).toMatchObject({
      id: 'demo',
      offline: { paths: ['./export'] },
      maxShrinkPercent: 50,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
    });
  });

  it('reads the schedule and the shrink guard', () => {
    const [config] = read({
      hooli: {
        offline: { paths: ['a'] },
        maxShrinkPercent: 20,
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 5 },
        },
      },
    });
    expect(config).toMatchObject({
      id: 'hooli',
      maxShrinkPercent: 20,
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
        initialDelay: { seconds: 5 },
      },
    });
  });

  it.each([
    [
      { demo: { offline: { paths: ['x'] }, maxShrinkPercent: 150 } },
      'catalog.providers.nkp.demo.maxShrinkPercent must be between 0 and 100, got 150',
    ],
    [
      {
        demo: {
          offline: { paths: ['x'] },
          schedule: { frequency: { minutes: 5 } },
        },
      },
      'timeout',
    ],
    [
      { Demo: { offline: { paths: ['x'] } } },
      'catalog.providers.nkp.Demo: a source id must be lowercase',
    ],
  ])('rejects %j naming the key', (sources, message) => {
    expect(() => read(sources)).toThrow(message);
  });
});
