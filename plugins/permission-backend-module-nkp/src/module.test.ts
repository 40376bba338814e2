/*
 * The module in the real permission backend: what a plugin's permission client gets back from
 * /api/permission/authorize for each demo user.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  nkpAuditReadPermission,
  nkpFleetReadPermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { AddressInfo } from 'node:net';
import { permissionModuleNkpPolicy } from './module';

const groups: Record<string, string[]> = {
  'user:default/pat': ['group:default/platform-team'],
  'user:default/alice': ['group:default/team-acme'],
};

const userInfoFromCatalog = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
      };
    },
  }),
});

describe('permissionModuleNkpPolicy', () => {
  it('answers the permission backend for the platform team and for a tenant', async () => {
    const logger = mockServices.logger.mock();
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleNkpPolicy,
        userInfoFromCatalog,
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            nkp: { access: { platformTeam: ['group:default/platform-team'] } },
          },
        }),
      ],
    });
    const authorize = async (user: string, permission: object) => {
      const res = await fetch(
        `http://localhost:${
          (server.address() as AddressInfo).port
        }/api/permission/authorize`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // As a plugin's permissions client asks: for the user, through the plugin.
            authorization: `Bearer ${mockCredentials.user.token(user, {
              actor: { subject: 'plugin:nkp' },
            })}`,
          },
          body: JSON.stringify({ items: [{ id: '1', permission }] }),
        },
      );
      expect(res.status).toBe(200);
      return (await res.json()).items[0];
    };

    expect(await authorize('user:default/pat', nkpFleetReadPermission)).toEqual(
      { id: '1', result: 'ALLOW' },
    );
    expect(
      await authorize('user:default/alice', nkpFleetReadPermission),
    ).toEqual({
      id: '1',
      result: 'CONDITIONAL',
      pluginId: 'nkp',
      resourceType: 'nkp-cluster',
      conditions: {
        rule: 'IS_CLUSTER_OWNER',
        resourceType: 'nkp-cluster',
        params: {
          claims: ['user:default/alice', 'group:default/team-acme'],
        },
      },
    });
    expect(
      await authorize('user:default/alice', nkpAuditReadPermission),
    ).toEqual({ id: '1', result: 'DENY' });
    expect(
      await authorize('user:default/alice', {
        type: 'basic',
        name: 'scaffolder.template.parameter.read',
        attributes: { action: 'read' },
      }),
    ).toEqual({ id: '1', result: 'ALLOW' });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('warns at start-up when nobody is the platform team', async () => {
    const logger = mockServices.logger.mock();
    await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleNkpPolicy,
        logger.factory,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^nkp\.access\.platformTeam is not set/),
    );
  });

  it('refuses to start with a bad nkp.access, naming the entry', async () => {
    await expect(
      startTestBackend({
        features: [
          permissionPlugin,
          permissionModuleNkpPolicy,
          mockServices.rootConfig.factory({
            data: { nkp: { access: { platformTeam: ['group:'] } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /nkp\.access\.platformTeam\[0\] must be an entity reference/,
    );
  });
});
