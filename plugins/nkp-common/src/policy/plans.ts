/**
 * Upgrade plans: the platform announces a target NKP version on a date for a scope, and the
 * clusters the plan concerns get a deadline. What a plan requires of them is its kind:
 *
 * - `within-skew` (a management-plane plan; the default for a `management-cluster` scope): the
 *   management clusters in scope move to the target, the platform team's own step; every cluster
 *   they manage must be within the managed skew of the target's Kubernetes minor by the deadline.
 *   Clusters already there are ready; the others are the plan's blockers.
 * - `reach-target` (the default for `fleet` and `workspace` scopes): every cluster in scope must
 *   reach the target.
 *
 * Plans are indexed by scope once per evaluation so that each cluster looks up only the plans
 * that can apply to it.
 *
 * The target is an NKP version because that is what the platform team upgrades (the management
 * plane, NKP's no-skip upgrade path); its Kubernetes minor comes from the release calendar.
 * Clusters with an NKP version are compared on NKP; clusters without one (attached clusters)
 * on the Kubernetes minor the target NKP release ships.
 */
import { z } from 'zod';
import { NkpClusterFacts } from '../clusterFacts';
import { DayNumber, toDay, toIsoDate } from './days';
import { MinorVersion, parseMinor } from './minor';
import { PreparedCalendar, defaultKubernetesMinor } from './calendar/prepared';
import { PolicyConfig } from './config';
import { Reminder } from './types';

/**
 * Where an upgrade plan applies.
 *
 * @public
 */
export type UpgradePlanScope =
  | { kind: 'fleet' }
  /** The management cluster of that entity name and every cluster it manages. */
  | { kind: 'management-cluster'; name: string }
  /** Every cluster in the NKP workspace of that name. */
  | { kind: 'workspace'; name: string };

/**
 * What a plan requires of the clusters it concerns (see the file header).
 *
 * @public
 */
export type UpgradePlanRequirement = 'within-skew' | 'reach-target';

/**
 * @public
 */
export const UPGRADE_PLAN_REQUIREMENTS: readonly UpgradePlanRequirement[] = [
  'within-skew',
  'reach-target',
];

/**
 * How many days in the past a plan's announcement may lie before it must be marked
 * `backdated`: an older date would give every owner in scope, at once, the reminders and
 * deadlines of a plan they never saw. The backend refuses it; the announce form asks for the
 * flag.
 *
 * @public
 */
export const MAX_ANNOUNCEMENT_AGE_DAYS = 3;

/**
 * An announced upgrade.
 *
 * @public
 */
export interface UpgradePlan {
  id: string;
  title: string;
  /** NKP version, `2.17` (any 2.17.x meets it) or `2.17.1` (that patch or later). */
  targetVersion: string;
  /** ISO date or timestamp; its UTC day is day 0 of the window. */
  announcedAt: string;
  /** Overrides `upgradePlans.windowDays`. */
  windowDays?: number;
  scope: UpgradePlanScope;
  /** Defaults from the scope: see `planRequirement`. */
  requires?: UpgradePlanRequirement;
}

/**
 * What the plan requires: its own `requires`, else `within-skew` for a plan scoped to a
 * management cluster (moving the management plane is what such a plan is about) and
 * `reach-target` for the fleet or a workspace.
 *
 * @public
 */
export function planRequirement(
  plan: Pick<UpgradePlan, 'scope' | 'requires'>,
): UpgradePlanRequirement {
  return (
    plan.requires ??
    (plan.scope.kind === 'management-cluster' ? 'within-skew' : 'reach-target')
  );
}

/**
 * zod schema of `UpgradePlan`, for the API and the database layer.
 *
 * @public
 */
export const upgradePlanSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  targetVersion: z.string().refine(v => parseMinor(v) !== undefined, {
    message: 'must be an NKP version such as 2.17 or 2.17.1',
  }),
  announcedAt: z
    .string()
    .refine(v => toDay(v) !== undefined, { message: 'must be an ISO date' }),
  windowDays: z.number().int().min(1).optional(),
  requires: z
    .enum(
      UPGRADE_PLAN_REQUIREMENTS as [
        UpgradePlanRequirement,
        ...UpgradePlanRequirement[],
      ],
      {
        errorMap: () => ({
          message: `must be one of ${UPGRADE_PLAN_REQUIREMENTS.join(', ')}`,
        }),
      },
    )
    .optional(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fleet') }),
    z.object({
      kind: z.literal('management-cluster'),
      name: z.string().min(1),
    }),
    z.object({ kind: z.literal('workspace'), name: z.string().min(1) }),
  ]),
});

/** A plan with everything that does not depend on the cluster computed once. */
export interface PreparedPlan {
  plan: UpgradePlan;
  requires: UpgradePlanRequirement;
  /** `undefined` when the target or the announcement date cannot be read. */
  target?: MinorVersion;
  /** The Kubernetes minor the target NKP minor ships, if the calendar knows it. */
  targetKubernetesMinor?: string;
  announcedDay?: DayNumber;
  deadlineDay?: DayNumber;
  /** First day of lost support (deadline + grace). */
  supportEndsDay?: DayNumber;
  reminders: Reminder[];
}

/** Plans indexed by scope. */
export interface PlanIndex {
  all: PreparedPlan[];
  fleet: PreparedPlan[];
  byManagementCluster: Map<string, PreparedPlan[]>;
  byWorkspace: Map<string, PreparedPlan[]>;
  /** The `within-skew` plans of `byWorkspace`. */
  withinSkewByWorkspace: Map<string, PreparedPlan[]>;
}

/** Computes deadlines and reminders of each plan and indexes them by scope. */
export function preparePlans(
  plans: readonly UpgradePlan[],
  calendar: PreparedCalendar,
  config: PolicyConfig['upgradePlans'],
): PlanIndex {
  const index: PlanIndex = {
    all: [],
    fleet: [],
    byManagementCluster: new Map(),
    byWorkspace: new Map(),
    withinSkewByWorkspace: new Map(),
  };
  const push = (
    map: Map<string, PreparedPlan[]>,
    key: string,
    plan: PreparedPlan,
  ) => {
    const list = map.get(key) ?? [];
    list.push(plan);
    map.set(key, list);
  };
  for (const plan of plans) {
    const prepared = preparePlan(plan, calendar, config);
    index.all.push(prepared);
    const scope = plan.scope;
    if (scope.kind === 'fleet') {
      index.fleet.push(prepared);
    } else if (scope.kind === 'management-cluster') {
      push(index.byManagementCluster, scope.name, prepared);
    } else {
      push(index.byWorkspace, scope.name, prepared);
      if (prepared.requires === 'within-skew') {
        push(index.withinSkewByWorkspace, scope.name, prepared);
      }
    }
  }
  return index;
}

function preparePlan(
  plan: UpgradePlan,
  calendar: PreparedCalendar,
  config: PolicyConfig['upgradePlans'],
): PreparedPlan {
  const requires = planRequirement(plan);
  const target = parseMinor(plan.targetVersion);
  const announcedDay = toDay(plan.announcedAt);
  const targetKubernetesMinor = target
    ? defaultKubernetesMinor(calendar.nkp.get(target.minorVersion))
    : undefined;
  if (announcedDay === undefined) {
    return { plan, requires, target, targetKubernetesMinor, reminders: [] };
  }
  const deadlineDay = announcedDay + (plan.windowDays ?? config.windowDays);
  const reminders = [...new Set(config.reminderOffsetsDays)]
    .sort((a, b) => b - a)
    .map(offsetDays => ({ offsetDays, day: deadlineDay - offsetDays }))
    // A reminder before the announcement would tell people about a plan that did not exist yet.
    .filter(r => r.day >= announcedDay)
    .map(r => ({ offsetDays: r.offsetDays, date: toIsoDate(r.day) }));
  return {
    plan,
    requires,
    target,
    targetKubernetesMinor,
    announcedDay,
    deadlineDay,
    supportEndsDay: deadlineDay + config.graceDays,
    reminders,
  };
}

/**
 * The plans whose scope contains the cluster, or, for a management-plane plan, that move its
 * management cluster: a plan for workspace W moves the management clusters in W, so it concerns
 * the clusters they manage in every workspace.
 */
export function plansForCluster(
  index: PlanIndex,
  cluster: NkpClusterFacts,
  managementClusters?: ReadonlyMap<string, NkpClusterFacts>,
): PreparedPlan[] {
  let result = index.fleet;
  const add = (list: PreparedPlan[] | undefined) => {
    if (list && list.length > 0) {
      result =
        result === index.fleet ? [...result, ...list] : result.concat(list);
    }
  };
  if (cluster.clusterType === 'management') {
    add(index.byManagementCluster.get(cluster.name));
  }
  const managedBy =
    cluster.managementCluster && cluster.managementCluster !== cluster.name
      ? cluster.managementCluster
      : undefined;
  if (managedBy) {
    add(index.byManagementCluster.get(managedBy));
  }
  if (cluster.workspace) {
    add(index.byWorkspace.get(cluster.workspace));
  }
  const managementWorkspace = managedBy
    ? managementClusters?.get(managedBy)?.workspace
    : undefined;
  if (managementWorkspace && managementWorkspace !== cluster.workspace) {
    add(index.withinSkewByWorkspace.get(managementWorkspace));
  }
  return result;
}
