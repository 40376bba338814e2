/**
 * Reading the evaluated fleet: summary, clusters, one cluster, tenants and the release calendar.
 * Every route applies the caller's `nkp.fleet.read` decision, so a tenant with a conditional
 * decision sees roll-ups of their own clusters only.
 */
import { NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ClusterEvaluation,
  NkpCalendar,
  NkpClusterDetail,
  NkpFleetSummary,
  NkpTenants,
  releasesInVersionOrder,
  entityRefKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { Response } from 'express';
import { FleetAccess } from '../permissions/FleetAccess';
import { ClusterIndex } from '../state/ClusterIndex';
import { FleetState } from '../state/FleetState';
import {
  clusterView,
  ownerTenant,
  rollupOf,
  tenantRollupsOf,
} from '../views/clusterViews';
import { approverOf, exceptionView } from '../views/exceptionViews';
import { clustersConcerned, visibleExceptions } from '../views/tenantViews';
import { NkpApiRouter } from './types';

const COMMA = Buffer.from(',');

/**
 * `{ items, ...page }` as JSON, the items' JSON taken from the index: at fleet scale serialising
 * the clusters of every page anew was a good part of the route's cost.
 */
function pageJson(
  index: ClusterIndex,
  items: ClusterEvaluation[],
  page: object,
): Buffer {
  const parts = [Buffer.from('{"items":[')];
  items.forEach((result, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(index.viewJson(result));
  });
  parts.push(Buffer.from(`],${JSON.stringify(page).slice(1)}`));
  return Buffer.concat(parts);
}

export function registerFleetRoutes(
  router: NkpApiRouter,
  options: {
    access: FleetAccess;
    fleet: FleetState;
    /** Default true; see exceptionRoutes. */
    requireSeparateApprover?: boolean;
  },
) {
  const { access, fleet } = options;
  const allowSelfApproval = options.requireSeparateApprover === false;

  router.get('/summary', async (req, res) => {
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const { evaluation } = snapshot;
    const visible = snapshot.index.visibleClusters(scope);
    const rollup = scope.all ? evaluation.fleet : rollupOf(visible);
    // A tenant counts the plans and exceptions that concern their clusters only.
    const plans = scope.all
      ? evaluation.plans.length
      : snapshot.plans.filter(
          p =>
            p.status === 'active' && clustersConcerned(p, visible).length > 0,
        ).length;
    const exceptions = visibleExceptions(snapshot, scope);
    const ids = new Set(exceptions.map(e => e.id));
    res.json({
      evaluatedOn: evaluation.evaluatedOn,
      evaluatedAt: snapshot.evaluatedAt,
      ...rollup,
      plans,
      exceptions: {
        requested: exceptions.filter(e => e.status === 'requested').length,
        active: evaluation.exceptions.filter(
          e => e.status === 'active' && ids.has(e.id),
        ).length,
      },
    } satisfies NkpFleetSummary);
  });

  router.get('/clusters', async (req, res) => {
    // Checked, and completed with the defaults, by the OpenAPI document.
    const { owner, state, offset = 0, limit, ...rest } = req.query;
    const scope = await access.read(req);
    const { evaluation, index } = await fleet.current();
    const { items, totalCount } = index.list(
      {
        ...rest,
        orderBy: rest.orderBy ?? 'name',
        order: rest.order ?? 'asc',
        offset,
        limit,
        // Repeated and comma-separated at once (`owner=a&owner=b,c`): the validator splits
        // neither when both are used, and no entity ref holds a comma.
        owners: owner?.flatMap(o => o.split(',')),
        states: state,
      },
      scope,
    );
    const page = {
      totalCount,
      offset,
      ...(limit !== undefined ? { limit } : {}),
      evaluatedOn: evaluation.evaluatedOn,
    };
    // The answer depends on nothing else, so a client can revalidate it with If-None-Match.
    res.set('ETag', index.etag(`${scope.decisionKey}\n${req.originalUrl}`));
    // The items as the index serialised them once: bytes of a ClusterPage, not an object.
    (res as Response).type('json').send(pageJson(index, items, page));
  });

  router.get('/clusters/:namespace/:name', async (req, res) => {
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const ref = stringifyEntityRef({
      kind: 'resource',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const result = snapshot.byRef.get(entityRefKey(ref));
    // A cluster the caller may not see is answered like one that does not exist.
    if (!result || !scope.visible(result.cluster)) {
      throw new NotFoundError(`No NKP cluster ${ref}`);
    }
    const ownerRef = ownerTenant(result);
    const exceptions = snapshot.exceptions.filter(e =>
      'cluster' in e.target
        ? entityRefKey(e.target.cluster) === entityRefKey(result.entityRef)
        : e.target.owner === ownerRef,
    );
    const statuses = new Map(
      snapshot.evaluation.exceptions.map(s => [s.id, s]),
    );
    const approver = await approverOf(access, scope.credentials, exceptions, {
      allowSelfApproval,
    });
    res.json({
      ...clusterView(result),
      evaluatedOn: snapshot.evaluation.evaluatedOn,
      exceptions: exceptions.map(e => exceptionView(e, statuses, approver)),
    } satisfies NkpClusterDetail);
  });

  router.get('/tenants', async (req, res) => {
    const scope = await access.read(req);
    const { evaluation, index } = await fleet.current();
    let tenants: NkpTenants;
    if (scope.all) {
      tenants = { evaluatedOn: evaluation.evaluatedOn, ...evaluation.tenants };
    } else {
      const visible = index.visibleClusters(scope);
      tenants = {
        evaluatedOn: evaluation.evaluatedOn,
        byOwner: tenantRollupsOf(visible, ownerTenant),
        byWorkspace: tenantRollupsOf(visible, r => r.cluster.workspace),
      };
    }
    res.json(tenants);
  });

  router.get('/calendar', async (req, res) => {
    await access.read(req);
    const { calendar, served, feeds } = await fleet.current();
    const body: NkpCalendar = {
      ...releasesInVersionOrder(calendar),
      // The top layer as read, so a date can be traced to the Release object it came from.
      served,
      feeds,
      warnings: calendar.warnings,
    };
    res.json(body);
  });
}
