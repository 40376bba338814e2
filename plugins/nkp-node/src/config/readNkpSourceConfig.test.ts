import { ConfigReader } from '@backstage/config';
import {
  readNkpSourceConfigs,
  readNkpSourceSettings,
} from './readNkpSourceConfig';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const read = (sources: JsonObject) =>
  readNkpSourceConfigs(
    new ConfigReader({ catalog: { providers: { nkp: sources } } }),
  );

describe('readNkpSourceConfigs', () => {
  it('returns no sources when none are configured', () => {
    expect(readNkpSourceConfigs(new ConfigReader({}))).toEqual([]);
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
        allowedApiServers: [],
        kubernetes: {},
        api: undefined,
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
        allowedApiServers: ['*.hooli.example', '172.21.8.0/24'],
        kubernetes: {
          authProvider: 'oidc',
          oidcTokenProvider: 'microsoft',
          caData: 'Q0E=',
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
      allowedApiServers: ['*.hooli.example', '172.21.8.0/24'],
      kubernetes: {
        authProvider: 'oidc',
        oidcTokenProvider: 'microsoft',
        caData: 'Q0E=',
      },
    });
  });

  it.each([
    [
      { Demo: { offline: { paths: ['x'] } } },
      'catalog.providers.nkp.Demo: a source id must be lowercase',
    ],
    [
      { demo: {} },
      'catalog.providers.nkp.demo configures no source; set catalog.providers.nkp.demo.offline.paths',
    ],
    [
      { demo: { offline: { paths: [] } } },
      'catalog.providers.nkp.demo.offline.paths must list at least one file or folder',
    ],
    [
      { demo: { offline: { paths: 'x' } } },
      'catalog.providers.nkp.demo.offline.paths',
    ],
    [
      { demo: { model: 'central', offline: { paths: ['x'] } } },
      'catalog.providers.nkp.demo.model must be one of management, self-managed, got "central"',
    ],
    [
      { demo: { offline: { paths: ['x'] }, entityNamePrefix: 'Not OK' } },
      'catalog.providers.nkp.demo.entityNamePrefix must be',
    ],
    [
      { demo: { offline: { paths: ['x'] }, dashboardUrl: 'nkp.example.com' } },
      'catalog.providers.nkp.demo.dashboardUrl must be an http(s) URL',
    ],
    [
      { demo: { offline: { paths: ['x'] }, owners: { default: 'group:' } } },
      'catalog.providers.nkp.demo.owners.default must be an entity reference',
    ],
    [
      {
        demo: {
          offline: { paths: ['x'] },
          owners: { workspaces: { acme: 'a:b:c' } },
        },
      },
      'catalog.providers.nkp.demo.owners.workspaces.acme must be an entity reference',
    ],
    [
      { demo: { offline: { paths: ['x'] }, allowedApiServers: '10.0.0.0/8' } },
      'catalog.providers.nkp.demo.allowedApiServers must be a list',
    ],
    [
      {
        demo: {
          offline: { paths: ['x'] },
          allowedApiServers: ['*.acme.example', 'https://10.0.0.1:6443'],
        },
      },
      'catalog.providers.nkp.demo.allowedApiServers[1]: "https://10.0.0.1:6443" is not a host name',
    ],
  ])('rejects %j naming the key', (sources, message) => {
    expect(() => read(sources)).toThrow(message);
  });
});

describe('readNkpSourceSettings', () => {
  const settings = (source: JsonObject) =>
    readNkpSourceSettings('acme', new ConfigReader(source));

  it('reads what shapes the entities without reading the connection', () => {
    expect(
      settings({
        api: { url: 'https://m', token: '' },
        entityNamePrefix: 'lab',
        owners: { default: 'team-acme' },
      }),
    ).toEqual({
      id: 'acme',
      model: 'management',
      entityNamePrefix: 'lab',
      dashboardUrl: undefined,
      owners: { default: 'group:default/team-acme', workspaces: {} },
      allowedApiServers: [],
      kubernetes: {},
    });
  });

  it.each([
    [{ endpoints: [] }, 'self-managed'],
    [{ model: 'self-managed' }, 'self-managed'],
    [{}, 'management'],
  ])('reads %j as model %s', (source, model) => {
    expect(settings(source as JsonObject).model).toBe(model);
  });

  it.each([
    [
      { entityNamePrefix: 'Not OK' },
      'catalog.providers.nkp.acme.entityNamePrefix must be',
    ],
    [{ model: 'central' }, 'catalog.providers.nkp.acme.model must be one of'],
  ])('rejects %j naming the key', (source, message) => {
    expect(() => settings(source as JsonObject)).toThrow(message);
  });
});
