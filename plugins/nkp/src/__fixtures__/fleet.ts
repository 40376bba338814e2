/**
 * A small evaluated fleet as the backend answers it, for the component tests: one cluster per
 * interesting case, a plan with blockers, exceptions in both states and a calendar.
 */
import { ResponseError } from '@backstage/errors';
import {
  NkpClusterView,
  NkpFieldError,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpApi } from '../api/NkpApi';
import {
  NkpCalendar,
  NkpClusterDetail,
  NkpClusterListResult,
  NkpExceptionView,
  NkpFleetSummary,
  NkpPlanView,
  NkpTenants,
} from '../api/types';

export const globexDr: NkpClusterView = {
  entityRef: 'resource:default/demo-globex-pay-dr',
  name: 'demo-globex-pay-dr',
  title: 'globex-pay-dr',
  owner: 'group:default/team-globex',
  clusterType: 'managed',
  nkpVersion: '2.15.2',
  kubernetesVersion: '1.32.3',
  managementCluster: 'demo-nkp-mgmt',
  workspace: 'globex-payments',
  projects: ['payments-core'],
  source: 'demo',
  state: 'unsupported',
  // Two steps: NKP upgrades one minor at a time
  targetVersion: { nkp: '2.17', kubernetes: '1.34' },
  upgradePath: [
    { nkp: '2.16', kubernetes: '1.33' },
    { nkp: '2.17', kubernetes: '1.34' },
  ],
  findings: [
    {
      rule: 'managed-skew',
      state: 'unsupported',
      targetVersion: { kubernetes: '1.33' },
      reason:
        "Kubernetes 1.32 is 2 minors behind management cluster 'demo-nkp-mgmt' (1.34); at most 1 minor allowed; unsupported since management cluster 'demo-nkp-mgmt' moved to Kubernetes 1.34",
    },
    {
      rule: 'upstream-eol',
      state: 'compliant',
      reason:
        'Kubernetes 1.32 reached upstream end-of-life on 2026-02-28; NKP 2.15 ships it',
    },
  ],
};

/** The management cluster as a management-plane plan schedules it for NKP 2.18. */
export const scheduledMgmt: NkpClusterView = {
  entityRef: 'resource:default/demo-nkp-mgmt',
  name: 'demo-nkp-mgmt',
  owner: 'group:default/platform-team',
  clusterType: 'management',
  nkpVersion: '2.17.1',
  kubernetesVersion: '1.34.3',
  workspace: 'kommander',
  projects: [],
  state: 'compliant',
  upgradePath: [],
  findings: [
    {
      rule: 'upgrade-plan',
      state: 'compliant',
      planId: 'plan-mp',
      platformStep: {
        target: { nkp: '2.18', kubernetes: '1.35' },
        by: '2027-01-20',
        done: false,
      },
      reason:
        "Upgrade plan 'Management plane to NKP 2.18' (announced 2026-11-21): scheduled for NKP 2.18 by 2027-01-20; the platform team's own step, once the clusters it manages are within 1 minor of Kubernetes 1.35",
    },
  ],
};

export const globexProd: NkpClusterView = {
  entityRef: 'resource:default/demo-globex-pay-prod',
  name: 'demo-globex-pay-prod',
  title: 'globex-pay-prod',
  owner: 'group:default/team-globex',
  clusterType: 'managed',
  nkpVersion: '2.16.1',
  kubernetesVersion: '1.33.5',
  workspace: 'globex-payments',
  projects: [],
  state: 'upgrade-due',
  deadline: '2027-01-31',
  daysLeft: 71,
  targetVersion: { nkp: '2.17', kubernetes: '1.34' },
  upgradePath: [{ nkp: '2.17', kubernetes: '1.34' }],
  findings: [
    {
      rule: 'upgrade-plan',
      state: 'upgrade-due',
      deadline: '2027-01-31',
      planId: 'plan-1',
      reason:
        "Upgrade plan 'Fleet to NKP 2.17': must reach NKP 2.17 before 2027-01-31",
    },
  ],
};

export const globexStaging: NkpClusterView = {
  entityRef: 'resource:default/demo-globex-pay-staging',
  name: 'demo-globex-pay-staging',
  title: 'globex-pay-staging',
  owner: 'group:default/team-globex',
  clusterType: 'managed',
  nkpVersion: '2.17.1',
  kubernetesVersion: '1.34.3',
  workspace: 'globex-payments',
  projects: [],
  state: 'compliant',
  upgradePath: [],
  findings: [],
};

export const platformMgmt: NkpClusterView = {
  entityRef: 'resource:default/demo-nkp-mgmt',
  name: 'demo-nkp-mgmt',
  title: 'nkp-mgmt',
  owner: 'group:default/platform-team',
  clusterType: 'management',
  nkpVersion: '2.17.1',
  kubernetesVersion: '1.34.3',
  projects: [],
  state: 'upgrade-due',
  deadline: '2026-12-15',
  daysLeft: 24,
  targetVersion: { nkp: '2.18' },
  upgradePath: [],
  findings: [
    {
      rule: 'self-managed-window',
      state: 'upgrade-due',
      deadline: '2026-12-15',
      reason: 'NKP 2.17 support ends on 2026-12-15',
    },
  ],
};

/** The day the fixtures were evaluated on. */
export const EVALUATED_ON = '2026-11-21';

/** A page of `GET /clusters` holding `items`, of `totalCount` matching clusters. */
export const clusterPage = (
  items: NkpClusterView[],
  totalCount = items.length,
): NkpClusterListResult => ({
  items,
  totalCount,
  offset: 0,
  limit: 10_000,
  evaluatedOn: EVALUATED_ON,
});

/** `GET /clusters/:namespace/:name` of a cluster, with the exceptions that concern it. */
export const clusterDetail = (
  cluster: NkpClusterView,
  exceptions: NkpExceptionView[] = [],
): NkpClusterDetail => ({
  ...cluster,
  evaluatedOn: EVALUATED_ON,
  exceptions,
});

export const summary: NkpFleetSummary = {
  evaluatedOn: EVALUATED_ON,
  evaluatedAt: '2026-11-21T06:00:00.000Z',
  total: 14,
  counts: {
    compliant: 5,
    'upgrade-due': 5,
    unknown: 0,
    overdue: 0,
    unsupported: 4,
  },
  worstState: 'unsupported',
  nearestDeadline: '2026-12-31',
  daysToNearestDeadline: 40,
  plans: 1,
  exceptions: { requested: 1, active: 0 },
};

export const tenants: NkpTenants = {
  evaluatedOn: '2026-11-21',
  byOwner: [
    {
      tenant: 'group:default/team-acme',
      total: 3,
      counts: {
        compliant: 2,
        'upgrade-due': 1,
        unknown: 0,
        overdue: 0,
        unsupported: 0,
      },
      worstState: 'upgrade-due',
    },
    {
      tenant: 'group:default/team-initech',
      total: 3,
      counts: {
        compliant: 0,
        'upgrade-due': 0,
        unknown: 0,
        overdue: 0,
        unsupported: 3,
      },
      worstState: 'unsupported',
    },
  ],
  byWorkspace: [
    {
      tenant: 'acme-retail',
      total: 3,
      counts: {
        compliant: 2,
        'upgrade-due': 1,
        unknown: 0,
        overdue: 0,
        unsupported: 0,
      },
      worstState: 'upgrade-due',
    },
  ],
};

/** A management-plane plan: tenants within N-1 of 1.35 are ready, the move is the platform's. */
export const managementPlanePlan: NkpPlanView = {
  id: 'plan-mp',
  title: 'Management plane to NKP 2.18',
  targetVersion: '2.18',
  targetKubernetesMinor: '1.35',
  scope: { kind: 'management-cluster', name: 'demo-nkp-mgmt' },
  requires: 'within-skew',
  announcedAt: '2026-11-21',
  windowDays: 60,
  deadline: '2027-01-20',
  reminders: [],
  inScope: 4,
  pendingClusters: ['resource:default/demo-globex-pay-dr'],
  unknownClusters: [],
  blockingClusters: ['resource:default/demo-globex-pay-dr'],
  blockingTenants: {
    owners: ['group:default/team-globex'],
    workspaces: ['globex-payments'],
  },
  platformSteps: [{ entityRef: 'resource:default/demo-nkp-mgmt', done: false }],
  createdBy: 'user:default/platform-lead',
  createdAt: '2026-11-21T09:00:00Z',
  status: 'active',
};

export const plan: NkpPlanView = {
  id: 'plan-1',
  title: 'Fleet to NKP 2.17',
  targetVersion: '2.17',
  targetKubernetesMinor: '1.34',
  scope: { kind: 'fleet' },
  requires: 'reach-target',
  announcedAt: '2026-11-01',
  windowDays: 60,
  deadline: '2026-12-31',
  reminders: [{ offsetDays: 30, date: '2026-12-01' }],
  inScope: 14,
  pendingClusters: [
    'resource:default/demo-acme-dev-01',
    'resource:default/demo-globex-pay-dr',
    'resource:default/demo-initech-bi-01',
  ],
  unknownClusters: [],
  blockingClusters: [
    'resource:default/demo-globex-pay-dr',
    'resource:default/demo-initech-bi-01',
  ],
  blockingTenants: {
    owners: ['group:default/team-globex', 'group:default/team-initech'],
    workspaces: ['globex-payments', 'initech-analytics'],
  },
  platformSteps: [],
  createdBy: 'user:default/platform-lead',
  createdAt: '2026-11-01T09:00:00Z',
  status: 'active',
};

export const requestedByAlice: NkpExceptionView = {
  id: 'exc-1',
  status: 'requested',
  target: { cluster: 'resource:default/demo-globex-pay-dr' },
  reason: 'Payment freeze until the end of the quarter',
  requestedBy: 'user:default/alice',
  requestedAt: '2026-11-20T10:00:00Z',
  expiresAt: '2026-12-31',
  approvable: true,
};

export const requestedByMe: NkpExceptionView = {
  ...requestedByAlice,
  id: 'exc-2',
  target: { owner: 'group:default/team-initech' },
  rule: 'upstream-eol',
  reason: 'Vendor certification of 1.33 pending',
  requestedBy: 'user:default/me',
  // The backend's default: someone else approves
  approvable: false,
  notApprovableBecause: 'own-request',
};

export const approved: NkpExceptionView = {
  ...requestedByAlice,
  id: 'exc-3',
  status: 'approved',
  approvedBy: 'user:default/lead',
  approvedAt: '2026-11-10T10:00:00Z',
  approvable: false,
  notApprovableBecause: 'already-approved',
  evaluation: {
    id: 'exc-3',
    status: 'active',
    endsOn: '2026-12-31',
    capped: false,
  },
};

export const calendar: NkpCalendar = {
  kubernetes: [
    {
      minor: '1.33',
      releaseDate: { date: '2025-04-23', source: 'endoflife.date' },
      endOfStandardSupport: { date: '2026-04-28', source: 'endoflife.date' },
      endOfLife: { date: '2026-06-28', source: 'endoflife.date' },
    },
    {
      minor: '1.34',
      releaseDate: { date: '2025-08-27', source: 'endoflife.date' },
      endOfStandardSupport: { date: '2026-08-27', source: 'endoflife.date' },
      endOfLife: { date: '2027-10-27', source: 'endoflife.date' },
    },
  ],
  nkp: [
    {
      minor: '2.16',
      kubernetesMinors: ['1.33'],
      kubernetesSource: 'upgrade matrix',
      releaseDate: { date: '2025-09-05', source: 'git tag', inferred: true },
    },
    {
      minor: '2.17',
      kubernetesMinors: ['1.34'],
      kubernetesSource: 'upgrade matrix',
      releaseDate: { date: '2025-12-23', source: 'git tag', inferred: true },
    },
  ],
  served: [],
  feeds: [],
  warnings: [],
};

/** An NkpApi whose methods fail loudly unless the test gives them. */
export function mockNkpApi(overrides: Partial<NkpApi> = {}): NkpApi {
  const missing = (name: string) => () => {
    throw new Error(`NkpApi.${name} was not expected in this test`);
  };
  return {
    listClusters: jest.fn(missing('listClusters')),
    getCluster: jest.fn(missing('getCluster')),
    getSummary: jest.fn(missing('getSummary')),
    getTenants: jest.fn(missing('getTenants')),
    listPlans: jest.fn(missing('listPlans')),
    createPlan: jest.fn(missing('createPlan')),
    listExceptions: jest.fn(missing('listExceptions')),
    requestException: jest.fn(missing('requestException')),
    approveException: jest.fn(missing('approveException')),
    rejectException: jest.fn(missing('rejectException')),
    revokeException: jest.fn(missing('revokeException')),
    changePlan: jest.fn(missing('changePlan')),
    cancelPlan: jest.fn(missing('cancelPlan')),
    getCalendar: jest.fn(missing('getCalendar')),
    getGoldenPathOptions: jest.fn(missing('getGoldenPathOptions')),
    getVersionOptions: jest.fn(missing('getVersionOptions')),
    ...overrides,
  };
}

/** A promise that never settles: the view stays loading. */
export const never = <T>() => new Promise<T>(() => {});

/** The `ResponseError` the client throws for a Backstage error body (e.g. an `InputError`). */
export async function responseError(
  status: number,
  name: string,
  message: string,
  fieldErrors?: NkpFieldError[],
) {
  const body = JSON.stringify({
    error: { name, message, ...(fieldErrors ? { fieldErrors } : {}) },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: status === 400 ? 'Bad Request' : 'Error',
    headers: { get: () => 'application/json' },
    text: async () => body,
  } as unknown as Response);
}
