/**
 * Upgrade plans: list them with their progress and blockers (`nkp.fleet.read`), create them
 * (`nkp.upgrade-plan.manage`, audited).
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NkpPlanView,
  UpgradePlanEvaluation,
  nkpUpgradePlanManagePermission,
  entityRefKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore, StoredUpgradePlan } from '../database/PolicyStore';
import { FleetAccess, ReadScope, actorOf } from '../permissions/FleetAccess';
import { FleetSnapshot, FleetState } from '../state/FleetState';
import { ownerTenant } from '../views/clusterViews';
import { NkpApiRouter } from './types';
import { newPlanSchema, parseInput } from './validation';

/** A plan with its evaluation, narrowed to the clusters the caller may see. */
function planView(
  plan: StoredUpgradePlan,
  evaluation: UpgradePlanEvaluation | undefined,
  snapshot: FleetSnapshot,
  scope: ReadScope,
): NkpPlanView {
  const visibleRef = (ref: string) => {
    const result = snapshot.byRef.get(entityRefKey(ref));
    return result !== undefined && scope.visible(result.cluster);
  };
  const narrow = (refs: string[]) =>
    scope.all ? refs : refs.filter(visibleRef);
  const blockingClusters = narrow(evaluation?.blockingClusters ?? []);
  let blockingTenants = evaluation?.blockingTenants ?? {
    owners: [],
    workspaces: [],
  };
  if (!scope.all) {
    const results = blockingClusters.map(
      ref => snapshot.byRef.get(entityRefKey(ref))!,
    );
    const unique = (values: (string | undefined)[]) =>
      [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
    blockingTenants = {
      owners: unique(results.map(ownerTenant)),
      workspaces: unique(results.map(r => r.cluster.workspace)),
    };
  }
  return {
    ...evaluation,
    ...plan,
    reminders: evaluation?.reminders ?? [],
    inScope: evaluation?.inScope ?? 0,
    pendingClusters: narrow(evaluation?.pendingClusters ?? []),
    unknownClusters: narrow(evaluation?.unknownClusters ?? []),
    blockingClusters,
    blockingTenants,
    platformSteps: (evaluation?.platformSteps ?? []).filter(
      step => scope.all || visibleRef(step.entityRef),
    ),
  };
}

export function registerPlanRoutes(
  router: NkpApiRouter,
  options: {
    access: FleetAccess;
    fleet: FleetState;
    store: PolicyStore;
    logger: LoggerService;
  },
) {
  const { access, fleet, store, logger } = options;

  router.get('/plans', async (req, res) => {
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const evaluations = new Map(snapshot.evaluation.plans.map(p => [p.id, p]));
    res.json({
      evaluatedOn: snapshot.evaluation.evaluatedOn,
      items: snapshot.plans.map(p =>
        planView(p, evaluations.get(p.id), snapshot, scope),
      ),
    });
  });

  router.post('/plans', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpUpgradePlanManagePermission,
    );
    const input = parseInput(newPlanSchema, req.body, 'upgrade plan');
    const actor = actorOf(credentials);
    const plan = await store.createPlan(input, actor);
    logger.info('Created NKP upgrade plan', {
      planId: plan.id,
      targetVersion: plan.targetVersion,
      scope: JSON.stringify(plan.scope),
      requires: plan.requires,
      createdBy: actor,
    });
    const snapshot = await fleet.refresh();
    const scope = await access.read(req);
    const evaluation = snapshot.evaluation.plans.find(p => p.id === plan.id);
    res.status(201).json(planView(plan, evaluation, snapshot, scope));
  });
}
