/*
 * Test fixtures of the golden path: the demo's `nkp.goldenPath` config, a request for a new
 * cluster in the demo fleet's ACME workspace, and an msw stand-in for the NKP backend's
 * `POST /api/nkp/golden-path/check` with the contract's shapes (NkpClusterRequest in,
 * NkpClusterRequestVerdict or a 400 with `error.fieldErrors` / a 403 out).
 */

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  NkpClusterRequest,
  NkpClusterRequestVerdict,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { http, HttpResponse } from 'msw';

/** Where mockServices.discovery() puts the NKP backend. */
export const CHECK_URL = 'http://localhost:0/api/nkp/golden-path/check';

export const MANAGEMENT_API = 'https://nkp-mgmt.demo.test:6443';
export const MANAGEMENT_TOKEN = 'demo-kube-token-never-logged';

export const configData = {
  nkp: {
    goldenPath: {
      releases: [{ nkp: '2.17.1', kubernetes: '1.34.3' }],
      prismCentrals: [
        {
          name: 'pc-demo',
          title: 'Demo Prism Central',
          url: 'https://pc.demo.example:9440',
          credentialsSecret: 'nutanix-pc-credentials',
          insecure: false,
          clusters: [
            {
              name: 'pe-demo-1',
              subnets: ['vlan-tenants', 'vlan-storage'],
              images: ['nkp-rocky-9.6-release-1.34.3'],
              storageContainers: ['default-container'],
            },
          ],
        },
      ],
      approvers: ['group:default/platform-team'],
      delivery: {
        gitops: {
          provider: 'github',
          repoUrl: 'github.com?owner=nkp-demo&repo=fleet',
          branch: 'main',
          path: 'clusters/${workspace}/${name}',
        },
        direct: { enabled: true },
      },
    },
  },
  catalog: {
    providers: {
      nkp: {
        demo: {
          api: { url: MANAGEMENT_API, token: MANAGEMENT_TOKEN },
          requests: { timeoutSeconds: 0.3 },
          owners: { default: 'group:default/platform-team' },
        },
        hooli: {
          model: 'self-managed',
          offline: { paths: ['examples/nkp-demo-fleet/hooli'] },
        },
      },
    },
  },
};

export const request: NkpClusterRequest = {
  name: 'acme-dev-2',
  // Not the workspace's owner (team-acme), so that the round trip shows the cluster's own owner.
  owner: 'group:default/acme-platform',
  workspace: 'domain:default/demo-acme-retail',
  projects: ['storefront', 'checkout'],
  description: 'Staging for the storefront spring sale',
  operation: 'managed',
  managementCluster: 'resource:default/demo-nkp-mgmt',
  version: { nkp: '2.17.1', kubernetes: '1.34.3' },
  size: {
    preset: 'small',
    controlPlaneNodes: 3,
    workers: 4,
    vcpus: 8,
    memoryGiB: 32,
    diskGiB: 120,
  },
  placement: {
    prismCentral: 'pc-demo',
    cluster: 'pe-demo-1',
    subnets: ['vlan-tenants', 'vlan-storage'],
    image: 'nkp-rocky-9.6-release-1.34.3',
    storageContainer: 'default-container',
    controlPlaneEndpoint: '10.42.10.20',
  },
  delivery: 'gitops',
};

/** What the backend answers for `checked` (as it checked it). */
export function verdictFor(
  checked: NkpClusterRequest,
): NkpClusterRequestVerdict {
  return {
    request: checked,
    namespace: 'acme-retail-x7k2p',
    workspaceName: 'acme-retail',
    clusterClass: `nkp-nutanix-v${checked.version.nkp}`,
    supportEnds: '2026-12-23',
    daysLeft: 21,
    requestedBy: 'user:default/mock',
    approvalsNeeded: ['group:default/platform-team'],
    source: 'demo',
  };
}

/** The route accepting every request, and what it received. */
export function acceptingCheck() {
  const received: Array<{
    body: NkpClusterRequest;
    authorization: string | null;
  }> = [];
  const handler = http.post(CHECK_URL, async ({ request: req }) => {
    const body = (await req.json()) as NkpClusterRequest;
    received.push({ body, authorization: req.headers.get('authorization') });
    return HttpResponse.json(verdictFor(body));
  });
  return { handler, received };
}

/** The token the mock auth service issues for the NKP backend on behalf of the mock user. */
export const checkToken = () =>
  `Bearer ${mockCredentials.service.token({
    onBehalfOf: mockCredentials.user(),
    targetPluginId: 'nkp',
  })}`;

/** The route refusing with the backend's error body. */
export function refusingCheck(
  status: 400 | 403 | 500,
  error: Record<string, unknown>,
) {
  return http.post(CHECK_URL, () =>
    HttpResponse.json(
      {
        error: { name: 'Error', ...error },
        request: { method: 'POST', url: '/golden-path/check' },
        response: { statusCode: status },
      },
      { status },
    ),
  );
}
