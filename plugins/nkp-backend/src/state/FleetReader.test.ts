import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NKP_RELEASE_ANNOTATIONS } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { FleetReader, clusterNameKey } from './FleetReader';

const credentials = mockCredentials.service();

const cluster = (name: string, source = 'test'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'nkp-lifecycle.io/source': source,
      'backstage.io/managed-by-location': `nkp:${source}`,
      'backstage.io/managed-by-origin-location': `nkp:${source}`,
      'nkp-lifecycle.io/kubernetes-version': '1.33.1',
    },
    // Not projected: the reader must not ask the catalog for more than it uses
    labels: { big: 'x'.repeat(100) },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
});

const release = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'nkp-lifecycle.io/source': 'mgmt-1',
      'backstage.io/managed-by-location': 'nkp:mgmt-1',
      'backstage.io/managed-by-origin-location': 'nkp:mgmt-1',
      'nkp-lifecycle.io/object-name': name,
      ...annotations,
    },
  },
  spec: { type: 'nkp-release', owner: 'group:default/platform-team' },
});

describe('FleetReader', () => {
  it('records the cluster names taken in each workspace, by NKP object name', async () => {
    const inWorkspace = (
      name: string,
      workspace: string,
      objectName?: string,
    ) => {
      const entity = cluster(name);
      Object.assign(entity.metadata.annotations!, {
        'nkp-lifecycle.io/workspace': workspace,
        ...(objectName ? { 'nkp-lifecycle.io/object-name': objectName } : {}),
      });
      return entity;
    };
    const catalog = catalogServiceMock({
      entities: [
        // A prefixed entity name: the NKP name is what is taken
        inWorkspace('demo-acme-prod-01', 'acme-retail', 'acme-prod-01'),
        inWorkspace('globex-dev', 'globex'),
        cluster('no-workspace'),
      ],
    });
    const { nameKeys } = await new FleetReader(catalog).readClusters(
      credentials,
    );
    expect([...nameKeys.values()].sort()).toEqual([
      clusterNameKey('acme-retail', 'acme-prod-01'),
      clusterNameKey('globex', 'globex-dev'),
    ]);
  });

  it('reads every NKP cluster page by page, with the field projection on every page', async () => {
    const names = Array.from(
      { length: 23 },
      (_, i) => `cluster-${String(i).padStart(2, '0')}`,
    );
    const catalog = catalogServiceMock({
      entities: [
        ...names.map(n => cluster(n)).reverse(),
        // Not from the NKP provider, and not a cluster
        { ...cluster('eks'), metadata: { name: 'eks' } },
        release('nkp-2.17.1', { [NKP_RELEASE_ANNOTATIONS.version]: '2.17.1' }),
      ],
    });
    const query = jest.spyOn(catalog, 'queryEntities');
    const getEntities = jest.spyOn(catalog, 'getEntities');

    const clusters = await new FleetReader(catalog, {
      pageSize: 5,
    }).listClusters(credentials);

    expect(clusters.map(c => c.name)).toEqual(names);
    expect(clusters[0]).toMatchObject({
      entityRef: 'resource:default/cluster-00',
      owner: 'group:default/team-a',
      kubernetesVersion: '1.33.1',
    });
    // 23 clusters in pages of 5: one initial request and four with the cursor
    expect(query).toHaveBeenCalledTimes(5);
    expect(getEntities).not.toHaveBeenCalled();
    const [first, ...rest] = query.mock.calls;
    expect(first[0]).toMatchObject({
      limit: 5,
      filter: expect.objectContaining({ 'spec.type': 'kubernetes-cluster' }),
      fields: expect.arrayContaining(['metadata.annotations', 'spec.owner']),
    });
    expect(first[1]).toEqual({ credentials });
    for (const [request] of rest) {
      expect(request).toEqual({
        cursor: expect.any(String),
        limit: 5,
        fields: (first[0] as { fields: string[] }).fields,
      });
    }
  });

  it('keeps an entity once when it moves between pages while they are read', async () => {
    const catalog = catalogServiceMock.mock();
    catalog.queryEntities
      .mockResolvedValueOnce({
        items: [cluster('a'), cluster('b')],
        totalItems: 3,
        pageInfo: { nextCursor: 'page-2' },
      })
      .mockResolvedValueOnce({
        items: [cluster('b'), cluster('c')],
        totalItems: 3,
        pageInfo: {},
      });
    const clusters = await new FleetReader(catalog).listClusters(credentials);
    expect(clusters.map(c => c.name)).toEqual(['a', 'b', 'c']);
  });

  it('fails the whole read when a page fails, so a partial fleet is never evaluated', async () => {
    const catalog = catalogServiceMock({
      entities: ['a', 'b', 'c'].map(n => cluster(n)),
    });
    const query = catalog.queryEntities.bind(catalog);
    jest
      .spyOn(catalog, 'queryEntities')
      .mockImplementationOnce(query)
      .mockRejectedValueOnce(new Error('catalog unavailable'));
    await expect(
      new FleetReader(catalog, { pageSize: 2 }).listClusters(credentials),
    ).rejects.toThrow('catalog unavailable');
  });

  it('reads the served NKP releases and names the release entities it cannot use', async () => {
    const catalog = catalogServiceMock({
      entities: [
        cluster('mgmt-1'),
        release('nkp-2.17.1', {
          [NKP_RELEASE_ANNOTATIONS.version]: '2.17.1',
          [NKP_RELEASE_ANNOTATIONS.supportedKubernetesVersions]:
            '1.33.5, 1.34.2',
          [NKP_RELEASE_ANNOTATIONS.releaseDate]: '2026-01-20',
          [NKP_RELEASE_ANNOTATIONS.endOfLifeDate]: '2027-01-20',
        }),
        release('nkp-2.16.0', { [NKP_RELEASE_ANNOTATIONS.version]: '2.16.0' }),
        release('nkp-broken', {}),
      ],
    });
    const releases = await new FleetReader(catalog, {
      pageSize: 2,
    }).listReleases(credentials);
    expect(releases).toEqual({
      served: [
        {
          version: '2.16.0',
          source: 'NKP Release nkp-2.16.0 (source mgmt-1)',
        },
        {
          version: '2.17.1',
          supportedKubernetesVersions: ['1.33.5', '1.34.2'],
          releaseDate: '2026-01-20',
          endOfLifeDate: '2027-01-20',
          source: 'NKP Release nkp-2.17.1 (source mgmt-1)',
        },
      ],
      skipped: ['resource:default/nkp-broken'],
    });
  });

  it('reads only what the NKP provider emitted, and names the look-alikes it ignores once', async () => {
    // Registered from a user's file: the catalog records that file as location and origin
    const lookAlike = (entity: Entity): Entity => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        name: `${entity.metadata.name}-extended`,
        annotations: {
          ...entity.metadata.annotations,
          'backstage.io/managed-by-location':
            'url:https://git.example/tenant/catalog-info.yaml',
          'backstage.io/managed-by-origin-location':
            'url:https://git.example/tenant/catalog-info.yaml',
          [NKP_RELEASE_ANNOTATIONS.endOfLifeDate]: '2099-12-31',
        },
      },
    });
    const real = release('nkp-2.16.0', {
      [NKP_RELEASE_ANNOTATIONS.version]: '2.16.0',
      [NKP_RELEASE_ANNOTATIONS.endOfLifeDate]: '2026-12-31',
    });
    const catalog = catalogServiceMock({
      entities: [
        cluster('a'),
        lookAlike(cluster('b')),
        // Claims the provider's location but not its origin
        {
          ...cluster('c'),
          metadata: {
            name: 'c',
            annotations: {
              'nkp-lifecycle.io/source': 'test',
              'backstage.io/managed-by-location': 'nkp:test',
            },
          },
        },
        real,
        lookAlike(real),
      ],
    });
    const logger = mockServices.logger.mock();
    const reader = new FleetReader(catalog, { logger });
    expect((await reader.listClusters(credentials)).map(c => c.name)).toEqual([
      'a',
    ]);
    const releases = await reader.listReleases(credentials);
    expect(releases.served.map(r => r.endOfLifeDate)).toEqual(['2026-12-31']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'resource:default/b-extended, resource:default/c',
      ),
      expect.anything(),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('resource:default/nkp-2.16.0-extended'),
      expect.anything(),
    );
    await reader.listClusters(credentials);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
