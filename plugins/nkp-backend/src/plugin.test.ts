import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { nkpPlugin } from './plugin';

// Starting a whole backend can take longer than Jest's default 5 s on a busy 2-core machine.
jest.setTimeout(30_000);

const clusterEntity = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, annotations },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-acme' },
});

const entities: Entity[] = [
  clusterEntity('demo-acme-prod', {
    'nkp-lifecycle.io/source': 'demo',
    'backstage.io/managed-by-location': 'nkp:demo',
    'backstage.io/managed-by-origin-location': 'nkp:demo',
    'nkp-lifecycle.io/kubernetes-version': '1.33.2',
    'nkp-lifecycle.io/cluster-type': 'managed',
  }),
  clusterEntity('demo-host-cluster', {
    'nkp-lifecycle.io/source': 'demo',
    'backstage.io/managed-by-location': 'nkp:demo',
    'backstage.io/managed-by-origin-location': 'nkp:demo',
    'nkp-lifecycle.io/kubernetes-version': '1.34.3',
    'nkp-lifecycle.io/cluster-type': 'management',
  }),
  // A cluster someone else registered: not part of the NKP fleet
  clusterEntity('eks-elsewhere', {}),
];

async function startBackend(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const { server } = await startTestBackend({
    features: [
      nkpPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result }),
    ],
  });
  return server;
}

describe('nkp backend plugin', () => {
  it('lists the NKP clusters of the catalog and nothing else', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const res = await request(server).get('/api/nkp/clusters');
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(2);
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual([
      'demo-acme-prod',
      'demo-host-cluster',
    ]);
    expect(res.body.items[0]).toMatchObject({
      kubernetesVersion: '1.33.2',
      clusterType: 'managed',
      owner: 'group:default/team-acme',
    });
  });

  it('answers 403 when the permission policy denies reading the fleet', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const res = await request(server).get('/api/nkp/clusters');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('answers 401 to a caller without credentials', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get('/api/nkp/clusters')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('serves its health without credentials', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get('/api/nkp/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('registers every NKP permission, the audit log included, with the permission framework', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get('/api/nkp/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(
      res.body.permissions.map((p: { name: string }) => p.name).sort(),
    ).toEqual([
      'nkp.audit.read',
      'nkp.cluster.apply',
      'nkp.cluster.request',
      'nkp.exception.approve',
      'nkp.exception.request',
      'nkp.fleet.read',
      'nkp.upgrade-plan.manage',
    ]);
    // The conditional rules of both resource types, for policies to use
    expect(
      res.body.rules
        .map(
          (r: { resourceType: string; name: string }) =>
            `${r.resourceType}/${r.name}`,
        )
        .sort(),
    ).toEqual([
      'nkp-cluster/IS_CLUSTER_OWNER',
      'nkp-cluster/IS_IN_WORKSPACE',
      'nkp-group/IS_OWN_GROUP',
    ]);
  });
});
