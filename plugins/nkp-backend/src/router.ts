import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { PolicyStore } from './database/PolicyStore';
import { FleetAccess } from './permissions/FleetAccess';
import { createAuditRoutes } from './routes/auditRoutes';
import { createExceptionRoutes } from './routes/exceptionRoutes';
import { createFleetRoutes } from './routes/fleetRoutes';
import { createPlanRoutes } from './routes/planRoutes';
import { FleetState } from './service/FleetState';

export interface RouterOptions {
  access: FleetAccess;
  fleet: FleetState;
  store: PolicyStore;
  logger: LoggerService;
  /**
   * `nkp.exceptions.requireSeparateApprover`: the requester of an exception may not approve it.
   * Default true.
   */
  requireSeparateApprover?: boolean;
}

/** The `/api/nkp` routes; documented in schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.use(createFleetRoutes(options));
  router.use(createPlanRoutes(options));
  router.use(createExceptionRoutes(options));
  router.use(createAuditRoutes(options));

  return router;
}
