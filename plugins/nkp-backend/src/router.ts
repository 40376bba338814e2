import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import { PolicyStore } from './database/PolicyStore';
import { FleetAccess } from './permissions/FleetAccess';
import { registerAuditRoutes } from './routes/auditRoutes';
import { registerExceptionRoutes } from './routes/exceptionRoutes';
import { registerFleetRoutes } from './routes/fleetRoutes';
import {
  GoldenPathRouteOptions,
  registerGoldenPathRoutes,
} from './routes/goldenPathRoutes';
import { registerPlanRoutes } from './routes/planRoutes';
import { createOpenApiRouter } from './schema/openapi';
import { FleetState } from './state/FleetState';

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
  /** `nkp.goldenPath` and what its routes ask: the request permissions and the catalog. */
  goldenPath: GoldenPathRouteOptions;
}

/**
 * The `/api/nkp` routes, typed from and checked against `schema/openapi.yaml`: a request whose
 * parameters or body do not fit the document is refused with a 400 before any route runs.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = await createOpenApiRouter({
    validatorOptions: {
      // Who the caller is, is the httpAuth service's to say (routes and the plugin's auth policy).
      validateSecurity: false,
      validateRequests: {
        // Every problem of a request in one answer, not the first one found.
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  registerFleetRoutes(router, options);
  registerPlanRoutes(router, options);
  registerExceptionRoutes(router, options);
  registerAuditRoutes(router, options);
  registerGoldenPathRoutes(router, options);

  return router;
}
