import { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { nkpFleetReadPermission } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import express from 'express';
import Router from 'express-promise-router';
import { FleetReader } from './service/FleetReader';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  fleet: FleetReader;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, permissions, fleet } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: nkpFleetReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      // Conditional (owner-scoped) reading arrives with the policy API.
      throw new NotAllowedError(`Not allowed to read the NKP fleet (${nkpFleetReadPermission.name})`);
    }
    const items = await fleet.listClusters(credentials);
    res.json({ items, totalCount: items.length });
  });

  return router;
}
