import { Entity } from '@backstage/catalog-model';
import { FleetEntityOptions, fleetToEntities } from './fleetToEntities';
import { normaliseFleet } from './normaliseFleet';
import {
  isNkpRelease,
  servedReleaseFromEntity,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  capiCluster,
  kommanderCluster,
  release,
  smallFleet,
} from '../testUtils/nkpObjects';

const options: FleetEntityOptions = {
  sourceId: 'demo',
  entityNamePrefix: 'demo',
  locationRef: 'nkp:demo',
  dashboardUrl: 'https://nkp.example.com/dkp/kommander/dashboard',
  owners: { default: 'group:default/platform-team', workspaces: {} },
  allowedApiServers: ['*.example'],
};

function entitiesOf(
  objects: unknown[],
  overrides: Partial<FleetEntityOptions> = {},
) {
  const { fleet } = normaliseFleet(objects);
  return fleetToEntities(fleet, { ...options, ...overrides });
}

const find = (entities: Entity[], kind: string, name: string) =>
  entities.find(e => e.kind === kind && e.metadata.name === name)!;

describe('fleetToEntities', () => {
  it('turns a managed cluster into a kubernetes-cluster Resource with NKP facts and graph edges', () => {
    const { entities, warnings } = entitiesOf(smallFleet());
    expect(warnings).toEqual([]);
    expect(find(entities, 'Resource', 'demo-acme-prod')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'demo-acme-prod',
        title: 'acme-prod',
        annotations: {
          'backstage.io/managed-by-location': 'nkp:demo',
          'backstage.io/managed-by-origin-location': 'nkp:demo',
          'nkp-lifecycle.io/source': 'demo',
          'nkp-lifecycle.io/object-name': 'acme-prod',
          'nkp-lifecycle.io/cluster-type': 'managed',
          'nkp-lifecycle.io/kubernetes-version': '1.34.3',
          'nkp-lifecycle.io/nkp-version': '2.17.1',
          'nkp-lifecycle.io/phase': 'Provisioned',
          'nkp-lifecycle.io/workspace': 'acme',
          'nkp-lifecycle.io/projects': 'storefront',
          'nkp-lifecycle.io/management-cluster': 'demo-mgmt',
          'kubernetes.io/api-server': 'https://acme-prod.example:6443',
        },
        links: [
          {
            url: options.dashboardUrl,
            title: 'NKP dashboard',
            type: 'dashboard',
          },
        ],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/team-acme',
        dependsOn: ['resource:default/demo-mgmt'],
        dependencyOf: ['system:default/demo-acme-storefront'],
      },
    });
  });

  it('makes the management cluster a cluster entity that depends on nothing', () => {
    const { entities } = entitiesOf(smallFleet());
    const mgmt = find(entities, 'Resource', 'demo-mgmt');
    expect(mgmt.metadata.annotations).toMatchObject({
      'nkp-lifecycle.io/cluster-type': 'management',
      'nkp-lifecycle.io/management-cluster': 'demo-mgmt',
      'nkp-lifecycle.io/workspace': 'default-workspace',
    });
    expect(mgmt.spec).toEqual({
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
    });
  });

  it('writes an attached cluster without NKP version or API server, and omits what is unknown', () => {
    const { entities } = entitiesOf(smallFleet(), { dashboardUrl: undefined });
    const eks = find(entities, 'Resource', 'demo-globex-eks');
    expect(eks.metadata.annotations).toMatchObject({
      'nkp-lifecycle.io/cluster-type': 'attached',
      'nkp-lifecycle.io/kubernetes-version': '1.32.9',
    });
    expect(Object.keys(eks.metadata.annotations!)).not.toEqual(
      expect.arrayContaining(['nkp-lifecycle.io/nkp-version']),
    );
    expect(
      eks.metadata.annotations!['kubernetes.io/api-server'],
    ).toBeUndefined();
    expect(eks.metadata.links).toBeUndefined();
  });

  it('maps workspaces to Domains and projects to Systems in them', () => {
    const { entities } = entitiesOf(smallFleet());
    expect(find(entities, 'Domain', 'demo-acme')).toMatchObject({
      metadata: {
        title: 'acme (display)',
        annotations: { 'nkp-lifecycle.io/object-name': 'acme' },
      },
      spec: { owner: 'group:default/team-acme' },
    });
    expect(find(entities, 'System', 'demo-acme-storefront')).toMatchObject({
      metadata: {
        annotations: {
          'nkp-lifecycle.io/workspace': 'acme',
          'nkp-lifecycle.io/object-name': 'storefront',
        },
      },
      spec: {
        owner: 'group:default/team-acme',
        domain: 'domain:default/demo-acme',
      },
    });
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
      'Domain:demo-acme',
      'Domain:demo-default-workspace',
      'Domain:demo-globex',
      'Resource:demo-acme-dev',
      'Resource:demo-acme-prod',
      'Resource:demo-globex-eks',
      'Resource:demo-mgmt',
      'System:demo-acme-storefront',
      'System:demo-globex-reports',
    ]);
  });

  it.each([
    [
      'the configured workspace owner wins',
      { acme: 'group:tenants/acme-admins' },
      undefined,
      'group:tenants/acme-admins',
    ],
    [
      'then the label on the object',
      {},
      'team-acme-web',
      'group:default/team-acme-web',
    ],
    [
      'then the label on its workspace',
      {},
      undefined,
      'group:default/team-acme',
    ],
    [
      'an invalid owner label is skipped',
      {},
      'user:',
      'group:default/team-acme',
    ],
  ])('resolves owners: %s', (_, workspaces, label, expected) => {
    const objects = smallFleet();
    if (label) {
      const prod = objects.find(
        o => o.kind === 'KommanderCluster' && o.metadata.name === 'acme-prod',
      )!;
      (prod.metadata as any).annotations = { 'nkp-lifecycle.io/owner': label };
    }
    const { entities } = entitiesOf(objects, {
      owners: { default: 'group:default/platform-team', workspaces },
    });
    expect(find(entities, 'Resource', 'demo-acme-prod').spec!.owner).toBe(
      expected,
    );
  });

  it('writes the Kubernetes plugin annotations only when configured and the endpoint is known', () => {
    const { entities } = entitiesOf(smallFleet(), {
      kubernetes: {
        authProvider: 'oidc',
        oidcTokenProvider: 'microsoft',
        caData: 'LS0tLS1CRUdJTg==',
      },
    });
    expect(
      find(entities, 'Resource', 'demo-mgmt').metadata.annotations,
    ).toMatchObject({
      'kubernetes.io/api-server': 'https://mgmt.example:6443',
      'kubernetes.io/api-server-certificate-authority': 'LS0tLS1CRUdJTg==',
      'kubernetes.io/auth-provider': 'oidc',
      'kubernetes.io/oidc-token-provider': 'microsoft',
    });
    // The CA configured for the source belongs to the source's own cluster only.
    const prod = find(entities, 'Resource', 'demo-acme-prod').metadata
      .annotations!;
    expect(prod['kubernetes.io/auth-provider']).toBe('oidc');
    expect(
      prod['kubernetes.io/api-server-certificate-authority'],
    ).toBeUndefined();
    expect(
      find(entities, 'Resource', 'demo-globex-eks').metadata.annotations![
        'kubernetes.io/auth-provider'
      ],
    ).toBeUndefined();
  });

  describe('kubernetes.io/api-server, only for allowed control-plane hosts', () => {
    const apiServers = (allowedApiServers?: string[]) => {
      const { entities, warnings } = entitiesOf(smallFleet(), {
        allowedApiServers,
        kubernetes: { authProvider: 'oidc', caData: 'LS0tLS1CRUdJTg==' },
      });
      return {
        mgmt: find(entities, 'Resource', 'demo-mgmt').metadata.annotations!,
        prod: find(entities, 'Resource', 'demo-acme-prod').metadata
          .annotations!,
        warnings,
      };
    };

    it('writes none, and says nothing, when the source allows none', () => {
      for (const allowed of [undefined, []]) {
        const { mgmt, prod, warnings } = apiServers(allowed);
        for (const annotations of [mgmt, prod]) {
          expect(Object.keys(annotations)).not.toEqual(
            expect.arrayContaining([
              'kubernetes.io/api-server',
              'kubernetes.io/api-server-certificate-authority',
              'kubernetes.io/auth-provider',
            ]),
          );
        }
        expect(warnings).toEqual([]);
      }
    });

    it('writes the allowed hosts and warns, naming the cluster, about the others', () => {
      const { mgmt, prod, warnings } = apiServers(['mgmt.example']);
      expect(mgmt['kubernetes.io/api-server']).toBe(
        'https://mgmt.example:6443',
      );
      expect(prod['kubernetes.io/api-server']).toBeUndefined();
      expect(prod['kubernetes.io/auth-provider']).toBeUndefined();
      expect(warnings).toEqual(
        ['acme-dev', 'acme-prod'].map(name => ({
          object: `Cluster acme-ns/${name}`,
          message: `control-plane host "${name}.example" is not in the source's allowedApiServers; kubernetes.io/api-server not set`,
        })),
      );
    });
  });

  it('keeps entities of two sources with the same NKP names apart', () => {
    const a = entitiesOf(smallFleet(), {
      sourceId: 'east',
      entityNamePrefix: 'east',
      locationRef: 'nkp:east',
    }).entities;
    const b = entitiesOf(smallFleet(), {
      sourceId: 'west',
      entityNamePrefix: 'west',
      locationRef: 'nkp:west',
    }).entities;
    const refs = [...a, ...b].map(e => `${e.kind}:${e.metadata.name}`);
    expect(new Set(refs).size).toBe(refs.length);
    expect(
      find(b, 'Resource', 'west-acme-prod').metadata.annotations,
    ).toMatchObject({
      'nkp-lifecycle.io/object-name': 'acme-prod',
      'nkp-lifecycle.io/source': 'west',
      'nkp-lifecycle.io/management-cluster': 'west-mgmt',
    });
  });

  it('turns served NKP Release objects into release Resources the policy backend reads', () => {
    const { entities, warnings } = entitiesOf([
      ...smallFleet(),
      release('nkp-2.17.1', 'v2.17.1', ['v1.33.5', 'v1.34.3'], '2027-03-01'),
      // Without a version a Release says nothing the calendar could use.
      { ...release('nkp-broken', 'banana', []), spec: {} },
    ]);
    expect(warnings).toEqual([]); // normaliseFleet warns about nkp-broken
    const releases = entities.filter(isNkpRelease);
    expect(releases).toEqual([
      expect.objectContaining({
        kind: 'Resource',
        metadata: expect.objectContaining({
          name: 'demo-release-nkp-2.17.1',
          title: 'NKP 2.17.1',
        }),
        spec: {
          type: 'nkp-release',
          owner: 'group:default/platform-team',
          dependencyOf: ['resource:default/demo-mgmt'],
        },
      }),
    ]);
    expect(servedReleaseFromEntity(releases[0])).toEqual({
      version: '2.17.1',
      supportedKubernetesVersions: ['1.33.5', '1.34.3'],
      releaseDate: '2025-12-23',
      endOfLifeDate: '2027-03-01',
      source: 'NKP Release nkp-2.17.1 (source demo)',
    });
  });

  it('uses bare NKP names when the prefix is disabled', () => {
    const { entities } = entitiesOf(smallFleet(), { entityNamePrefix: '' });
    expect(find(entities, 'Resource', 'acme-prod').spec).toMatchObject({
      dependsOn: ['resource:default/mgmt'],
      dependencyOf: ['system:default/acme-storefront'],
    });
  });
});

describe('fleetToEntities titles of the source cluster', () => {
  const titleOptions = {
    sourceId: 'acme',
    entityNamePrefix: 'acme',
    locationRef: 'nkp:acme',
    owners: { default: 'group:default/unknown', workspaces: {} },
  };
  const hostKc = kommanderCluster(
    'host-cluster',
    'kommander-default-workspace',
  );
  (hostKc.metadata as any).annotations = {
    'kommander.mesosphere.io/display-name': 'host-cluster',
  };
  const titleOf = (objects: unknown[]) => {
    const { fleet } = normaliseFleet(objects);
    const cluster = fleetToEntities(fleet, titleOptions).entities.find(
      e => e.kind === 'Resource',
    )!;
    return [cluster.metadata.name, cluster.metadata.title];
  };

  it.each([
    [
      'its CAPI Cluster name',
      [capiCluster('acme-mgmt', 'default'), hostKc],
      ['acme-acme-mgmt', 'acme-mgmt'],
    ],
    [
      'the source, when only host-cluster is known',
      [hostKc],
      ['acme-host-cluster', 'acme management cluster'],
    ],
  ])('is %s rather than NKP’s “host-cluster”', (_, objects, expected) => {
    expect(titleOf(objects)).toEqual(expected);
  });
});
