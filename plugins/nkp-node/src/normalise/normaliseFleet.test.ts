import { normaliseFleet } from './normaliseFleet';
import {
  capiCluster,
  kommanderCluster,
  nkpCluster,
  project,
  release,
  smallFleet,
  workspace,
} from '../testUtils/nkpObjects';
import { NkpCluster } from './types';

const summary = (c: NkpCluster) => ({
  name: c.name,
  type: c.type,
  kubernetesVersion: c.kubernetesVersion,
  nkpVersion: c.nkpVersion,
  phase: c.phase,
  workspace: c.workspace,
  projects: c.projects,
  managementCluster: c.managementCluster,
});

const ws = workspace('acme', 'acme-ns');

function single(...objects: unknown[]) {
  const { fleet, warnings } = normaliseFleet([ws, ...objects]);
  return { cluster: fleet.clusters.find(c => c.name === 'c1')!, warnings };
}

describe('normaliseFleet', () => {
  it('reads a management cluster with managed and attached clusters, workspaces and projects', () => {
    const { fleet, warnings } = normaliseFleet(smallFleet());

    expect(warnings).toEqual([]);
    expect(fleet.clusters.map(summary)).toEqual([
      {
        name: 'acme-dev',
        type: 'managed',
        kubernetesVersion: '1.33.5',
        nkpVersion: '2.16.1',
        phase: 'Provisioned',
        workspace: 'acme',
        projects: [],
        managementCluster: 'mgmt',
      },
      {
        name: 'acme-prod',
        type: 'managed',
        kubernetesVersion: '1.34.3',
        nkpVersion: '2.17.1',
        phase: 'Provisioned',
        workspace: 'acme',
        projects: ['storefront'],
        managementCluster: 'mgmt',
      },
      {
        name: 'globex-eks',
        type: 'attached',
        kubernetesVersion: '1.32.9',
        nkpVersion: undefined,
        phase: 'Joined',
        workspace: 'globex',
        projects: ['reports'],
        managementCluster: 'mgmt',
      },
      {
        name: 'mgmt',
        type: 'management',
        kubernetesVersion: '1.34.3',
        nkpVersion: '2.17.1',
        phase: 'Provisioned',
        workspace: 'default-workspace',
        projects: [],
        managementCluster: 'mgmt',
      },
    ]);
    const mgmt = fleet.clusters.find(c => c.name === 'mgmt')!;
    expect(mgmt).toMatchObject({
      isSourceCluster: true,
      kommanderClusterName: 'host-cluster',
      endpoint: { host: 'mgmt.example', port: 6443 },
    });
    expect(
      fleet.clusters.find(c => c.name === 'acme-prod')!.labels,
    ).toMatchObject({ env: 'prod', tenant: 'acme' });

    expect(fleet.workspaces).toEqual([
      {
        name: 'acme',
        namespace: 'acme-ns',
        displayName: 'acme (display)',
        owner: 'team-acme',
      },
      {
        name: 'default-workspace',
        namespace: 'kommander-default-workspace',
        displayName: 'default-workspace (display)',
      },
      {
        name: 'globex',
        namespace: 'globex-ns',
        displayName: 'globex (display)',
      },
    ]);
    expect(fleet.projects.map(p => [p.workspace, p.name, p.clusters])).toEqual([
      ['acme', 'storefront', ['acme-prod']],
      ['globex', 'reports', ['globex-eks']],
    ]);
  });

  it.each([
    {
      case: 'a cluster still provisioning, without an endpoint yet',
      objects: [
        capiCluster('c1', 'acme-ns', {
          phase: 'Provisioning',
          endpoint: { host: '', port: 0 },
        }),
      ],
      expected: {
        phase: 'Provisioning',
        kubernetesVersion: '1.34.3',
        endpoint: undefined,
      },
      warning: 'no valid spec.controlPlaneEndpoint; API server unknown',
    },
    {
      case: 'a cluster without a Kubernetes version',
      objects: [capiCluster('c1', 'acme-ns', { version: undefined })],
      expected: { kubernetesVersion: undefined, nkpVersion: '2.17.1' },
      warning: 'no Kubernetes version known; ingested without one',
    },
    {
      case: 'a bad topology version, falling back to the KommanderCluster status',
      objects: [
        capiCluster('c1', 'acme-ns', { version: 'v1.34.x' }),
        kommanderCluster('c1', 'acme-ns', {
          capiName: 'c1',
          kubernetesVersion: 'v1.34.2',
        }),
      ],
      expected: { kubernetesVersion: '1.34.2' },
      object: 'Cluster acme-ns/c1 + KommanderCluster acme-ns/c1',
      warning:
        'Cluster spec.topology.version "v1.34.x" does not give a valid version; ignored',
    },
    {
      case: 'a ClusterClass that does not encode an NKP version',
      objects: [
        capiCluster('c1', 'acme-ns', { clusterClass: 'my-custom-class' }),
      ],
      expected: { nkpVersion: undefined, kubernetesVersion: '1.34.3' },
      warning:
        'ClusterClass name "my-custom-class" does not give a valid version; ignored',
    },
  ])(
    'ingests $case with a warning',
    ({ objects, expected, object, warning }) => {
      const { cluster, warnings } = single(...objects);
      expect(cluster).toMatchObject(expected);
      expect(warnings).toContainEqual({
        object: object ?? 'Cluster acme-ns/c1',
        message: warning,
      });
    },
  );

  it('prefers NKPCluster status for versions and phase, and reads CAPI v1beta2 classRef', () => {
    const capi = capiCluster('c1', 'acme-ns', {
      clusterClass: undefined,
      version: 'v1.34.3',
    });
    (capi.spec.topology as any).classRef = { name: 'nkp-nutanix-v2.17.1' };
    const { cluster, warnings } = single(capi);
    expect(cluster.nkpVersion).toBe('2.17.1');
    expect(warnings.filter(w => w.object.includes('c1'))).toEqual([]);

    const upgraded = single(
      capiCluster('c1', 'acme-ns'),
      nkpCluster('c1', 'acme-ns', {
        platformVersion: 'v2.18.0',
        kubernetesVersion: 'v1.35.0',
        phase: 'Upgrading',
      }),
    );
    expect(upgraded.cluster).toMatchObject({
      nkpVersion: '2.18.0',
      kubernetesVersion: '1.35.0',
      phase: 'Upgrading',
      type: 'managed',
    });
  });

  it('skips objects without identity and names each one, without failing the batch', () => {
    const { fleet, warnings } = normaliseFleet([
      ws,
      capiCluster('good', 'acme-ns'),
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Cluster',
        metadata: { namespace: 'acme-ns' },
      },
      { ...project('p1', 'acme-ns', 'acme', {}), metadata: { name: 'p1' } },
      { metadata: { name: 'no-kind' } },
      'just a string',
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's1', namespace: 'acme-ns' },
        data: { token: 'c2VjcmV0' },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's2', namespace: 'acme-ns' },
      },
    ]);
    expect(fleet.clusters.map(c => c.name)).toContain('good');
    expect(warnings).toEqual(
      expect.arrayContaining([
        {
          object: 'Cluster acme-ns/(no name)',
          message: 'missing metadata.name; skipped',
        },
        {
          object: 'Project p1',
          message: 'missing metadata.namespace; skipped',
        },
        {
          object: '(no kind) no-kind',
          message: 'missing apiVersion or kind; skipped',
        },
        { object: 'object #5', message: 'not a Kubernetes object; skipped' },
        {
          object: 'v1/Secret',
          message:
            '2 object(s) of a kind that is not read by the NKP provider; ignored',
        },
      ]),
    );
    expect(JSON.stringify(warnings)).not.toContain('c2VjcmV0');
  });

  it('makes the source cluster self-managed and its own management cluster in the self-managed model', () => {
    const { fleet } = normaliseFleet(
      [
        workspace('default-workspace', 'kommander-default-workspace'),
        capiCluster('tenant-nkp', 'default', {
          version: 'v1.33.5',
          clusterClass: 'nkp-nutanix-v2.16.1',
        }),
        kommanderCluster('host-cluster', 'kommander-default-workspace', {
          labels: { tenant: 't' },
        }),
        project('app', 'kommander-default-workspace', 'default-workspace', {
          clusters: [{ name: 'host-cluster' }],
        }),
      ],
      { model: 'self-managed' },
    );
    expect(fleet.clusters.map(summary)).toEqual([
      {
        name: 'tenant-nkp',
        type: 'self-managed',
        kubernetesVersion: '1.33.5',
        nkpVersion: '2.16.1',
        phase: 'Provisioned',
        workspace: 'default-workspace',
        projects: ['app'],
        managementCluster: 'tenant-nkp',
      },
    ]);
  });

  it('warns when the source cluster cannot be found, and still ingests the managed clusters', () => {
    const { fleet, warnings } = normaliseFleet([
      ws,
      capiCluster('c1', 'acme-ns'),
    ]);
    expect(fleet.clusters.map(summary)).toEqual([
      expect.objectContaining({
        name: 'c1',
        type: 'managed',
        managementCluster: undefined,
      }),
    ]);
    expect(warnings).toContainEqual({
      object: 'source',
      message: expect.stringContaining("the source's own cluster is unknown"),
    });
  });

  it('keeps one cluster when two namespaces hold clusters with the same name', () => {
    const { fleet, warnings } = normaliseFleet([
      ws,
      workspace('globex', 'globex-ns'),
      capiCluster('twin', 'acme-ns'),
      capiCluster('twin', 'globex-ns'),
    ]);
    expect(fleet.clusters.filter(c => c.name === 'twin')).toHaveLength(1);
    expect(warnings).toContainEqual({
      object: 'Cluster globex-ns/twin',
      message:
        'another cluster named "twin" exists in namespace acme-ns; skipped',
    });
  });

  it('places projects only on clusters of their own workspace', () => {
    const { fleet, warnings } = normaliseFleet([
      ws,
      workspace('globex', 'globex-ns'),
      capiCluster('acme-1', 'acme-ns', { labels: { env: 'prod' } }),
      capiCluster('globex-1', 'globex-ns', { labels: { env: 'prod' } }),
      project('web', 'acme-ns', 'acme', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        clusters: [{ name: 'globex-1' }],
      }),
      project('orphan', 'elsewhere-ns', undefined, { clusterSelector: {} }),
    ]);
    expect(fleet.projects.find(p => p.name === 'web')!.clusters).toEqual([
      'acme-1',
    ]);
    expect(fleet.projects.find(p => p.name === 'orphan')!.clusters).toEqual([]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        {
          object: 'Project acme-ns/web',
          message:
            'placement.clusters names "globex-1", which is not a cluster of workspace "acme"; ignored',
        },
        {
          object: 'Project elsewhere-ns/orphan',
          message:
            'no spec.workspaceRef.name and its namespace belongs to no known workspace',
        },
      ]),
    );
  });

  it('reads NKP releases and reports bad versions in them', () => {
    const { fleet, warnings } = normaliseFleet([
      release(
        'nkp-v2.17.1',
        'v2.17.1',
        ['v1.34.3', 'v1.33.7', 'latest'],
        '2027-06-23',
      ),
    ]);
    expect(fleet.releases).toEqual([
      {
        name: 'nkp-v2.17.1',
        version: '2.17.1',
        supportedKubernetesVersions: ['1.34.3', '1.33.7'],
        releaseDate: '2025-12-23',
        endOfLifeDate: '2027-06-23',
      },
    ]);
    expect(warnings).toContainEqual({
      object: 'Release nkp-v2.17.1',
      message:
        'supportedKubernetesVersions entry "latest" is not a version; ignored',
    });
  });
});
