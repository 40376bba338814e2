import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import fs from 'node:fs';
import path from 'node:path';
import { createRenderClusterAction } from './renderCluster';

describe('nkp:cluster:render', () => {
  const mockDir = createMockDirectory();
  const action = createRenderClusterAction();
  const validInput = {
    name: 'acme-prod-2',
    workspaceNamespace: 'acme-retail',
    kubernetesVersion: 'v1.34.3',
    nkpVersion: '2.17.1',
    controlPlaneReplicas: 3,
    workerReplicas: 4,
    targetPath: 'clusters/acme-prod-2.yaml',
  };

  beforeEach(() => mockDir.clear());

  it('writes a Cluster API manifest with the ClusterClass of the NKP version', async () => {
    const ctx = createMockActionContext({
      input: validInput,
      workspacePath: mockDir.resolve('workspace'),
    });
    await action.handler(ctx);

    const written = parse(
      fs.readFileSync(
        path.join(mockDir.resolve('workspace'), 'clusters/acme-prod-2.yaml'),
        'utf8',
      ),
    );
    expect(written).toMatchObject({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: { name: 'acme-prod-2', namespace: 'acme-retail' },
      spec: {
        topology: {
          class: 'nkp-nutanix-v2.17.1',
          version: 'v1.34.3',
          controlPlane: { replicas: 3 },
          workers: { machineDeployments: [{ name: 'md-0', replicas: 4 }] },
        },
      },
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'manifestPath',
      'clusters/acme-prod-2.yaml',
    );
  });

  it.each([
    [{ name: 'Acme_Prod' }, /not a DNS label/],
    [{ workspaceNamespace: 'ACME' }, /Workspace namespace 'ACME'/],
    [{ kubernetesVersion: 'latest' }, /Kubernetes version 'latest'/],
    [{ nkpVersion: '2.17' }, /NKP version '2.17'/],
    [{ controlPlaneReplicas: 2 }, /must be 1, 3 or 5/],
    [{ workerReplicas: 0 }, /at least 1/],
    [{ targetPath: '../outside.yaml' }, /outside/i],
  ])('refuses %p and writes nothing', async (override, message) => {
    const ctx = createMockActionContext({
      input: { ...validInput, ...override },
      workspacePath: mockDir.resolve('workspace'),
    });
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(fs.existsSync(mockDir.resolve('workspace/clusters'))).toBe(false);
  });
});
