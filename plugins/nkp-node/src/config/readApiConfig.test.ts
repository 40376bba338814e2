import { ConfigReader } from '@backstage/config';
import { readNkpSourceConfigs } from './readNkpSourceConfig';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const read = (source: JsonObject) =>
  readNkpSourceConfigs(
    new ConfigReader({ catalog: { providers: { nkp: { acme: source } } } }),
  )[0];

describe('reading Kubernetes-API sources', () => {
  it('reads one endpoint with defaults', () => {
    expect(
      read({ api: { url: 'https://mgmt:6443', token: 't' } }),
    ).toMatchObject({
      model: 'management',
      offline: undefined,
      api: {
        endpoints: [
          {
            name: '',
            key: 'catalog.providers.nkp.acme.api',
            connection: {
              auth: 'token',
              url: 'https://mgmt:6443',
              token: 't',
              skipTLSVerify: false,
            },
          },
        ],
        readOptions: {
          streamingLists: true,
          pageSize: 500,
          requestTimeoutMs: 30_000,
          watch: { enabled: true, idleTimeoutMs: 150_000, debounceMs: 150 },
        },
      },
    });
  });

  it('reads a list of self-managed endpoints and the tuning', () => {
    const config = read({
      endpoints: [
        {
          name: 'hooli',
          kubeconfig: { path: '/k', context: 'hooli' },
          dashboardUrl: 'https://h',
        },
        { name: 'stark', inCluster: true },
      ],
      requests: { pageSize: 100, timeoutSeconds: 5, streamingLists: false },
      watch: {
        enabled: false,
        idleTimeoutSeconds: 60,
        debounceMilliseconds: 50,
      },
    });
    expect(config.model).toBe('self-managed');
    expect(
      config.api!.endpoints.map(e => [e.name, e.connection, e.dashboardUrl]),
    ).toEqual([
      [
        'hooli',
        { auth: 'kubeconfig', path: '/k', context: 'hooli' },
        'https://h',
      ],
      ['stark', { auth: 'inCluster' }, undefined],
    ]);
    expect(config.api!.readOptions).toMatchObject({
      streamingLists: false,
      pageSize: 100,
      requestTimeoutMs: 5000,
      watch: { enabled: false, idleTimeoutMs: 60_000, debounceMs: 50 },
    });
  });

  it.each([
    [
      { api: { url: 'https://m' } },
      'catalog.providers.nkp.acme.api needs exactly one of token (with url), kubeconfig or inCluster: true',
    ],
    [
      { api: { url: 'https://m', token: 't', inCluster: true } },
      'got token and inCluster',
    ],
    [
      { api: { token: 't' } },
      "Missing required config value at 'catalog.providers.nkp.acme.api.url'",
    ],
    [
      { api: { url: 'mgmt:6443', token: 't' } },
      'api.url must be an http(s) URL, got "mgmt:6443"',
    ],
    [
      { api: { url: 'https://m', token: 't', caData: 'x', caFile: 'y' } },
      'set caData or caFile, not both',
    ],
    [
      { api: { kubeconfig: { path: '/k' }, caFile: '/ca' } },
      'caFile only go with token; with kubeconfig the server and its CA come from the kubeconfig',
    ],
    [
      { api: { url: 'https://m', token: 't' }, offline: { paths: ['x'] } },
      'configures offline and api; a source reads exactly one of offline, api or endpoints',
    ],
    [{ endpoints: [] }, 'acme.endpoints must list at least one cluster'],
    [
      { endpoints: [{ name: 'A', inCluster: true }] },
      'acme.endpoints[0].name must be lowercase letters',
    ],
    [
      {
        endpoints: [
          { name: 'a', inCluster: true },
          { name: 'a', inCluster: true },
        ],
      },
      'names "a" twice',
    ],
    [
      { model: 'management', endpoints: [{ name: 'a', inCluster: true }] },
      'lists self-managed clusters; remove catalog.providers.nkp.acme.model',
    ],
    [
      { api: { inCluster: true }, requests: { pageSize: 0 } },
      'acme.requests.pageSize must be a positive integer, got 0',
    ],
  ])('rejects %j', (source, message) => {
    expect(() => read(source as JsonObject)).toThrow(message);
  });
});
