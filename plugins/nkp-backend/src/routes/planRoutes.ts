/**
 * Upgrade plans: list them with their progress and blockers (`nkp.fleet.read`), create, change
 * and cancel them (`nkp.upgrade-plan.manage`, audited). Every check runs before anything is
 * written, so a refused request changes nothing.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NkpPlanView,
  UpgradePlanEvaluation,
  MAX_ANNOUNCEMENT_AGE_DAYS,
  NkpFieldError,
  addDays,
  nkpUpgradePlanManagePermission,
  entityRefKey,
  versionSortKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  PolicyStore,
  StoredUpgradePlan,
  assertActivePlan,
} from '../database/PolicyStore';
import { FleetAccess, ReadScope, actorOf } from '../permissions/FleetAccess';
import { FleetSnapshot, FleetState } from '../state/FleetState';
import { ownerTenant } from '../views/clusterViews';
import { clustersConcerned } from '../views/tenantViews';
import { pageOf } from './paging';
import { NkpApiRouter } from './types';
import {
  invalidInput,
  newPlanSchema,
  parseInput,
  planChangeSchema,
  reasonSchema,
} from './validation';

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
  const active = plan.status === 'active';
  return {
    ...evaluation,
    ...plan,
    reminders: evaluation?.reminders ?? [],
    // A cancelled plan asks nothing of any cluster (and the engine never saw it).
    inScope:
      scope.all || !active
        ? evaluation?.inScope ?? 0
        : clustersConcerned(plan, snapshot.index.visibleClusters(scope)).length,
    pendingClusters: narrow(evaluation?.pendingClusters ?? []),
    unknownClusters: narrow(evaluation?.unknownClusters ?? []),
    blockingClusters,
    blockingTenants,
    platformSteps: (evaluation?.platformSteps ?? []).filter(
      step => scope.all || visibleRef(step.entityRef),
    ),
  };
}

const DAY_MS = 86_400_000;

/** The target's NKP minor is a release of the calendar. */
function calendarProblems(
  targetVersion: string | undefined,
  snapshot: FleetSnapshot,
): NkpFieldError[] {
  const m = targetVersion && /^v?(\d+)\.(\d+)/.exec(targetVersion);
  const minor = m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
  if (!minor || snapshot.calendar.nkp[minor]) return [];
  const known = Object.keys(snapshot.calendar.nkp).sort(
    (a, b) => (versionSortKey(a) ?? 0) - (versionSortKey(b) ?? 0),
  );
  return [
    {
      field: 'targetVersion',
      message: `NKP ${minor} is not in the release calendar (known: ${known.join(
        ', ',
      )})`,
    },
  ];
}

/**
 * What the document cannot check of a new plan: its target is an NKP release of the calendar,
 * and its announcement is not far in the past unless the caller says so (`backdated`).
 */
function assertPlanFits(
  plan: { targetVersion: string; announcedAt: string },
  options: { backdated?: boolean },
  snapshot: FleetSnapshot,
) {
  const problems = calendarProblems(plan.targetVersion, snapshot);
  const today = snapshot.evaluation.evaluatedOn;
  const ageDays = Math.floor(
    (Date.parse(today) - Date.parse(plan.announcedAt.slice(0, 10))) / DAY_MS,
  );
  if (ageDays > MAX_ANNOUNCEMENT_AGE_DAYS && !options.backdated) {
    problems.push({
      field: 'announcedAt',
      message: `${plan.announcedAt} is ${ageDays} days before today (${today}); set backdated: true to announce a plan in the past`,
    });
  }
  if (problems.length > 0) {
    throw invalidInput('upgrade plan', problems);
  }
}

/**
 * What the document cannot check of a change: a new target is in the calendar, and a new window
 * keeps the deadline after today (ending a plan is what cancelling is for).
 */
function assertChangeFits(
  plan: StoredUpgradePlan,
  change: { targetVersion?: string; windowDays?: number },
  snapshot: FleetSnapshot,
) {
  const problems = calendarProblems(change.targetVersion, snapshot);
  const today = snapshot.evaluation.evaluatedOn;
  if (change.windowDays !== undefined) {
    const deadline = addDays(plan.announcedAt.slice(0, 10), change.windowDays);
    if (deadline <= today) {
      problems.push({
        field: 'windowDays',
        message: `the deadline would be ${deadline}, not after today (${today}); cancel the plan to end it`,
      });
    }
  }
  if (problems.length > 0) {
    throw invalidInput('upgrade plan change', problems);
  }
}

/** Every plan for the platform team; a tenant sees the plans that concern their clusters. */
function plansConcerning(
  snapshot: FleetSnapshot,
  scope: ReadScope,
): StoredUpgradePlan[] {
  if (scope.all) {
    return snapshot.plans;
  }
  const visible = snapshot.index.visibleClusters(scope);
  return snapshot.plans.filter(p => clustersConcerned(p, visible).length > 0);
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
    const page = pageOf(plansConcerning(snapshot, scope), req.query);
    res.json({
      evaluatedOn: snapshot.evaluation.evaluatedOn,
      ...page,
      items: page.items.map(p =>
        planView(p, evaluations.get(p.id), snapshot, scope),
      ),
    });
  });

  /** The plan as the caller may see it, from a fresh evaluation. */
  const answer = async (plan: StoredUpgradePlan, scope: ReadScope) => {
    const snapshot = await fleet.refresh();
    const evaluation = snapshot.evaluation.plans.find(p => p.id === plan.id);
    return planView(plan, evaluation, snapshot, scope);
  };

  /** An active plan by id, or the 404 or 409 that says why not. */
  const activePlan = async (id: string, what: string) =>
    assertActivePlan(await store.getPlan(id), id, what);

  router.patch('/plans/:id', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpUpgradePlanManagePermission,
    );
    const change = parseInput(
      planChangeSchema,
      req.body,
      'upgrade plan change',
    );
    const scope = await access.read(req);
    const plan = await activePlan(req.params.id, 'changed');
    assertChangeFits(plan, change, await fleet.current());
    const actor = actorOf(credentials);
    const changed = await store.changePlan(plan.id, change, actor);
    logger.info('Changed NKP upgrade plan', {
      planId: plan.id,
      changed: Object.keys(change).join(','),
      changedBy: actor,
    });
    res.json(await answer(changed, scope));
  });

  router.post('/plans/:id/cancel', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpUpgradePlanManagePermission,
    );
    const { reason } = parseInput(reasonSchema, req.body, 'cancellation');
    const scope = await access.read(req);
    const plan = await activePlan(req.params.id, 'cancelled');
    const actor = actorOf(credentials);
    const cancelled = await store.cancelPlan(plan.id, reason, actor);
    logger.info('Cancelled NKP upgrade plan', {
      planId: plan.id,
      cancelledBy: actor,
    });
    res.json(await answer(cancelled, scope));
  });

  router.post('/plans', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpUpgradePlanManagePermission,
    );
    const { backdated, ...input } = parseInput(
      newPlanSchema,
      req.body,
      'upgrade plan',
    );
    // Every check before anything is written: the answer shows the plan as the caller may see it.
    const scope = await access.read(req);
    assertPlanFits(input, { backdated }, await fleet.current());
    const actor = actorOf(credentials);
    const idempotencyKey = req.header('Idempotency-Key');
    const earlier =
      idempotencyKey &&
      (await store.idempotentObjectId(
        actor,
        'upgrade-plan.create',
        idempotencyKey,
      ));
    const replayed = earlier ? await store.getPlan(earlier) : undefined;
    if (replayed) {
      const snapshot = await fleet.current();
      const evaluation = snapshot.evaluation.plans.find(
        p => p.id === replayed.id,
      );
      res.set('Idempotent-Replayed', 'true');
      res.status(200).json(planView(replayed, evaluation, snapshot, scope));
      return;
    }
    const plan = await store.createPlan(input, actor, { idempotencyKey });
    logger.info('Created NKP upgrade plan', {
      planId: plan.id,
      targetVersion: plan.targetVersion,
      scope: JSON.stringify(plan.scope),
      requires: plan.requires,
      createdBy: actor,
    });
    res.status(201).json(await answer(plan, scope));
  });
}
