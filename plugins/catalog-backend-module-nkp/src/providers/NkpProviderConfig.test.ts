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

  it('applies defaults', () => {
    expect(read({ demo: { offline: { paths: ['./export'] } } })).toEqual([
      {
        id: 'demo',
        model: 'management',
        offline: { paths: ['./export'] },
        entityNamePrefix: 'demo',
        dashboardUrl: undefined,
        owners: { default: 'group:default/unknown', workspaces: {} },
        kubernetes: {},
        maxShrinkPercent: 50,
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
      },
    ]);
  });

  it('reads every key', () => {
    const [config] = read({
      hooli: {
        model: 'self-managed',
        offline: { paths: ['a', 'b'] },
        entityNamePrefix: '',
        dashboardUrl: 'https://nkp.example.com/dkp/kommander/dashboard',
        owners: {
          default: 'platform-team',
          workspaces: { 'acme-workspace': 'group:tenants/team-acme' },
        },
        kubernetes: {
          authProvider: 'oidc',
          oidcTokenProvider: 'microsoft',
          caData: 'Q0E=',
        },
        maxShrinkPercent: 20,
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 5 },
        },
      },
    });
    expect(config).toMatchObject({
      model: 'self-managed',
      entityNamePrefix: '',
      owners: {
        default: 'group:default/platform-team',
        workspaces: { 'acme-workspace': 'group:tenants/team-acme' },
      },
      kubernetes: {
        authProvider: 'oidc',
        oidcTokenProvider: 'microsoft',
        caData: 'Q0E=',
      },
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
    // The source itself is read by nkp-node, with its messages (readNkpSourceConfig.test.ts).
    [
      { Demo: { offline: { paths: ['x'] } } },
      'catalog.providers.nkp.Demo: a source id must be lowercase',
    ],
  ])('rejects %j naming the key', (sources, message) => {
    expect(() => read(sources)).toThrow(message);
  });
});
