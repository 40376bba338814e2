/*
 * What a plan requires, walked through the example of issue 9: management cluster M on NKP 2.17 /
 * Kubernetes 1.34 manages clusters on 1.34, 1.33 and 1.32 (and one whose version is unknown); the
 * calendar is extended with NKP 2.18 (Kubernetes 1.35); the plan "M to NKP 2.18" is scoped to M
 * with a 60-day window: announced 2026-03-02, deadline 2026-05-01.
 */
import { buildReleaseCalendar } from './calendar/merge';
import { evaluateFleet } from './evaluate';
import { PolicyState } from './state';
import { UpgradePlan, UpgradePlanRequirement } from './plans';
import { managed, mgmt } from './__fixtures__/fleet';

const calendar = buildReleaseCalendar({
  overrides: {
    nkp: [
      { minor: '2.18', kubernetesMinors: ['1.35'], releaseDate: '2026-02-16' },
    ],
  },
});
const team = (name: string) => ({
  owner: `group:default/${name}`,
  workspace: `ws-${name}`,
});
const clusters = [
  mgmt('M', '2.17.1', '1.34.2', { owner: 'group:default/platform' }),
  managed('on-134', 'M', '2.17.1', '1.34.1', team('team-a')),
  managed('on-133', 'M', '2.16.2', '1.33.5', team('team-b')),
  managed('on-132', 'M', '2.15.3', '1.32.4', team('team-c')),
  managed('mystery', 'M', undefined, undefined, team('team-d')),
];
const plan = (requires?: UpgradePlanRequirement): UpgradePlan => ({
  id: 'm-2.18',
  title: 'M to NKP 2.18',
  targetVersion: '2.18',
  announcedAt: '2026-03-02',
  windowDays: 60,
  scope: { kind: 'management-cluster', name: 'M' },
  ...(requires ? { requires } : {}),
});

const BEFORE = '2026-04-30';
const ON = '2026-05-01';
const AFTER = '2026-05-02';

type Expected = Record<
  string,
  [cluster: PolicyState, planFinding: PolicyState | 'platform step']
>;

// From the deadline on, the same for the rest of the table.
const blockersLostSupport: Expected = {
  M: ['compliant', 'platform step'],
  'on-134': ['compliant', 'compliant'],
  'on-133': ['unsupported', 'unsupported'],
  'on-132': ['unsupported', 'unsupported'],
  mystery: ['unknown', 'unknown'],
};
const allLostSupport: Expected = {
  M: ['unsupported', 'unsupported'],
  'on-134': ['unsupported', 'unsupported'],
  'on-133': ['unsupported', 'unsupported'],
  'on-132': ['unsupported', 'unsupported'],
  mystery: ['unknown', 'unknown'],
};

describe('plan kinds: the management-plane upgrade of issue 9', () => {
  it.each<[string, string, UpgradePlanRequirement | undefined, Expected]>([
    // Management-plane plan (the default for a management-cluster scope): tenants within N-1 of
    // 1.35 are ready, M is the platform's scheduled step, 1.33 and 1.32 are the blockers.
    // (1.32 is unsupported throughout: it is two minors behind M's 1.34 already.)
    [
      'within-skew (default)',
      BEFORE,
      undefined,
      {
        M: ['compliant', 'platform step'],
        'on-134': ['compliant', 'compliant'],
        'on-133': ['upgrade-due', 'upgrade-due'],
        'on-132': ['unsupported', 'upgrade-due'],
        mystery: ['unknown', 'unknown'],
      },
    ],
    ['within-skew (default)', ON, undefined, blockersLostSupport],
    ['within-skew (explicit)', AFTER, 'within-skew', blockersLostSupport],
    // Chosen explicitly, a plan can still ask every cluster in scope to reach the target.
    [
      'reach-target',
      BEFORE,
      'reach-target',
      {
        M: ['upgrade-due', 'upgrade-due'],
        'on-134': ['upgrade-due', 'upgrade-due'],
        'on-133': ['upgrade-due', 'upgrade-due'],
        'on-132': ['unsupported', 'upgrade-due'],
        mystery: ['unknown', 'unknown'],
      },
    ],
    ['reach-target', ON, 'reach-target', allLostSupport],
    ['reach-target', AFTER, 'reach-target', allLostSupport],
  ])('%s on %s', (_, now, requires, expected) => {
    const result = evaluateFleet({
      clusters,
      calendar,
      plans: [plan(requires)],
      now,
    });
    const actual: Expected = {};
    for (const c of result.clusters) {
      const finding = c.findings.find(f => f.planId === 'm-2.18')!;
      actual[c.cluster.name] = [
        c.state,
        finding.platformStep ? 'platform step' : finding.state,
      ];
    }
    expect(actual).toEqual(expected);

    // Blockers, pending clusters, roll-ups and states tell the same story.
    const progress = result.plans[0];
    expect(progress.blockingClusters.sort()).toEqual([
      'resource:default/on-132',
      'resource:default/on-133',
    ]);
    expect(progress.blockingTenants.owners).toEqual([
      'group:default/team-b',
      'group:default/team-c',
    ]);
    expect(progress.unknownClusters).toEqual(['resource:default/mystery']);
    const planState = (name: string) => expected[name][1];
    const pending = Object.keys(expected)
      .filter(
        n => !['compliant', 'unknown', 'platform step'].includes(planState(n)),
      )
      .map(n => `resource:default/${n}`)
      .sort();
    expect([...progress.pendingClusters].sort()).toEqual(pending);
    for (const tenant of result.tenants.byOwner) {
      const name = clusters.find(c => c.owner === tenant.tenant)!.name;
      expect(tenant.worstState).toBe(expected[name][0]);
    }
    const withinSkew = (requires ?? 'within-skew') === 'within-skew';
    expect(progress.requires).toBe(requires ?? 'within-skew');
    expect(progress.inScope).toBe(withinSkew ? 4 : 5);
    expect(progress.platformSteps).toEqual(
      withinSkew ? [{ entityRef: 'resource:default/M', done: false }] : [],
    );
  });

  describe('reasons', () => {
    const findingOf = (name: string, now: string) =>
      evaluateFleet({ clusters, calendar, plans: [plan()], now })
        .clusters.find(c => c.cluster.name === name)!
        .findings.find(f => f.planId === 'm-2.18')!;

    it.each([
      [
        'M',
        BEFORE,
        "Upgrade plan 'M to NKP 2.18' (announced 2026-03-02): scheduled for NKP 2.18 by 2026-05-01; the platform team's own step, once the clusters it manages are within 1 minor of Kubernetes 1.35",
      ],
      [
        'M',
        AFTER,
        "Upgrade plan 'M to NKP 2.18' (announced 2026-03-02): scheduled for NKP 2.18 by 2026-05-01, a date that has passed; the platform team's own step, once the clusters it manages are within 1 minor of Kubernetes 1.35",
      ],
      [
        'on-134',
        BEFORE,
        "Ready for upgrade plan 'M to NKP 2.18': Kubernetes 1.34 will be 1 minor behind management cluster 'M' on NKP 2.18 (Kubernetes 1.35); at most 1 minor allowed",
      ],
      [
        'on-133',
        BEFORE,
        "Upgrade plan 'M to NKP 2.18' (announced 2026-03-02): Kubernetes 1.33 would be 2 minors behind management cluster 'M' on NKP 2.18 (Kubernetes 1.35), at most 1 minor allowed; must reach Kubernetes 1.34 before 2026-05-01; blocks the management-plane upgrade",
      ],
      [
        'on-132',
        AFTER,
        "Upgrade plan 'M to NKP 2.18' (announced 2026-03-02): Kubernetes 1.32 would be 3 minors behind management cluster 'M' on NKP 2.18 (Kubernetes 1.35), at most 1 minor allowed; missed the 2026-05-01 deadline to reach Kubernetes 1.34; unsupported since 2026-05-01; blocks the management-plane upgrade",
      ],
      [
        'mystery',
        BEFORE,
        "Upgrade plan 'M to NKP 2.18' (NKP 2.18): no Kubernetes version known, so it cannot be compared with the managed skew of the target",
      ],
    ])('%s on %s', (name, now, reason) => {
      expect(findingOf(name, now).reason).toBe(reason);
    });

    it('schedules M by the deadline and asks the blockers for the least upgrade', () => {
      expect(findingOf('M', BEFORE)).toMatchObject({
        state: 'compliant',
        platformStep: {
          target: { nkp: '2.18', kubernetes: '1.35' },
          by: '2026-05-01',
          done: false,
        },
      });
      expect(findingOf('M', BEFORE).deadline).toBeUndefined();
      expect(findingOf('on-133', BEFORE)).toMatchObject({
        deadline: '2026-05-01',
        targetVersion: { nkp: '2.17', kubernetes: '1.34' },
        blocking: true,
      });
    });

    it('marks the step done once M is on the target', () => {
      const upgraded = clusters.map(c =>
        c.name === 'M'
          ? { ...c, nkpVersion: '2.18.0', kubernetesVersion: '1.35.1' }
          : c,
      );
      const result = evaluateFleet({
        clusters: upgraded,
        calendar,
        plans: [plan()],
        now: AFTER,
      });
      expect(result.plans[0].platformSteps).toEqual([
        { entityRef: 'resource:default/M', done: true },
      ]);
    });
  });
});
