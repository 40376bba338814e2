/**
 * Reading the evaluated fleet: summary, clusters, one cluster, tenants and the release calendar.
 * Every route applies the caller's `nkp.fleet.read` decision, so a tenant with a conditional
 * decision sees roll-ups of their own clusters only.
 */
import { NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Router from 'express-promise-router';
import { minorSortKey } from './minor';
import { FleetAccess } from '../permissions/FleetAccess';
import { FleetState } from '../service/FleetState';
import {
  clusterView,
  matchesQuery,
  ownerTenant,
  rollupOf,
  sortClusters,
  tenantRollupsOf,
} from '../service/clusterViews';
import {
  clusterListQuerySchema,
  clusterParamsSchema,
  noQuerySchema,
  parseInput,
} from './validation';

export function createFleetRoutes(options: {
  access: FleetAccess;
  fleet: FleetState;
}) {
  const { access, fleet } = options;
  const router = Router();

  router.get('/summary', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const { evaluation } = snapshot;
    const rollup = scope.all
      ? evaluation.fleet
      : rollupOf(evaluation.clusters.filter(r => scope.visible(r.cluster)));
    res.json({
      evaluatedOn: evaluation.evaluatedOn,
      evaluatedAt: snapshot.evaluatedAt,
      ...rollup,
      plans: evaluation.plans.length,
      exceptions: {
        requested: snapshot.exceptions.filter(e => e.status === 'requested')
          .length,
        active: evaluation.exceptions.filter(e => e.status === 'active').length,
      },
    });
  });

  router.get('/clusters', async (req, res) => {
    const query = parseInput(clusterListQuerySchema, req.query, 'query');
    const scope = await access.read(req);
    const { evaluation } = await fleet.current();
    const listQuery = { ...query, states: query.state };
    const matching = evaluation.clusters.filter(
      r => scope.visible(r.cluster) && matchesQuery(r, listQuery),
    );
    const sorted = sortClusters(matching, query.orderBy, query.order);
    const end =
      query.limit === undefined ? undefined : query.offset + query.limit;
    res.json({
      items: sorted.slice(query.offset, end).map(clusterView),
      totalCount: matching.length,
      offset: query.offset,
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      evaluatedOn: evaluation.evaluatedOn,
    });
  });

  router.get('/clusters/:namespace/:name', async (req, res) => {
    const params = parseInput(clusterParamsSchema, req.params, 'path');
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const ref = stringifyEntityRef({ kind: 'resource', ...params });
    const result = snapshot.byRef.get(ref.toLocaleLowerCase('en-US'));
    // A cluster the caller may not see is answered like one that does not exist.
    if (!result || !scope.visible(result.cluster)) {
      throw new NotFoundError(`No NKP cluster ${ref}`);
    }
    const ownerRef = ownerTenant(result);
    res.json({
      ...clusterView(result),
      evaluatedOn: snapshot.evaluation.evaluatedOn,
      exceptions: snapshot.exceptions.filter(e =>
        'cluster' in e.target
          ? e.target.cluster.toLocaleLowerCase('en-US') ===
            result.entityRef.toLocaleLowerCase('en-US')
          : e.target.owner === ownerRef,
      ),
    });
  });

  router.get('/tenants', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const scope = await access.read(req);
    const { evaluation } = await fleet.current();
    if (scope.all) {
      res.json({ evaluatedOn: evaluation.evaluatedOn, ...evaluation.tenants });
      return;
    }
    const visible = evaluation.clusters.filter(r => scope.visible(r.cluster));
    res.json({
      evaluatedOn: evaluation.evaluatedOn,
      byOwner: tenantRollupsOf(visible, ownerTenant),
      byWorkspace: tenantRollupsOf(visible, r => r.cluster.workspace),
    });
  });

  router.get('/calendar', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    await access.read(req);
    const { calendar } = await fleet.current();
    res.json({
      kubernetes: Object.values(calendar.kubernetes).sort(
        (a, b) => minorSortKey(a.minor) - minorSortKey(b.minor),
      ),
      nkp: Object.values(calendar.nkp).sort(
        (a, b) => minorSortKey(a.minor) - minorSortKey(b.minor),
      ),
      warnings: calendar.warnings,
    });
  });

  return router;
}
