import { NkpClusterFacts } from '../../clusterFacts';
import { UpgradePlan, planRequirement, upgradePlanSchema } from '../plans';
import {
  cluster,
  config,
  managed,
  mgmt,
  ruleContext,
  selfManaged,
} from '../__fixtures__/fleet';
import { upgradePlanRule } from './upgradePlans';

// Announced 2026-03-01 with the default 90-day window: deadline 2026-05-30.
const plan = (extra: Partial<UpgradePlan> = {}): UpgradePlan => ({
  id: 'p1',
  title: 'NKP 2.17',
  targetVersion: '2.17',
  announcedAt: '2026-03-01T09:00:00Z',
  scope: { kind: 'fleet' },
  ...extra,
});
const management = mgmt('mgmt-1', '2.16.1', '1.33.2', {
  workspace: 'platform-ws',
});
const fleet = [management];

function run(
  c: NkpClusterFacts,
  now: string,
  plans = [plan()],
  cfg = config(),
) {
  return upgradePlanRule.evaluate(
    c,
    ruleContext({ now, plans, clusters: fleet, config: cfg }),
  );
}

describe('upgrade plan rule', () => {
  const behind = selfManaged('s', '2.16.1', '1.33.2');

  it('says nothing before the announcement day: nobody has been told', () => {
    expect(run(behind, '2026-02-28T23:59:59Z')).toEqual([]);
  });

  it.each([
    ['2026-03-01', 'upgrade-due'],
    ['2026-05-29', 'upgrade-due'],
    ['2026-05-30', 'unsupported'],
    ['2026-05-31', 'unsupported'],
  ])(
    'on %s a cluster below target is %s (deadline 2026-05-30)',
    (now, state) => {
      expect(run(behind, now)).toEqual([
        expect.objectContaining({
          rule: 'upgrade-plan',
          planId: 'p1',
          state,
          deadline: '2026-05-30',
          targetVersion: { nkp: '2.17', kubernetes: '1.34' },
        }),
      ]);
    },
  );

  it.each([
    ['2026-05-29', 'upgrade-due', '2026-05-30'],
    ['2026-05-30', 'overdue', '2026-06-06'],
    ['2026-06-05', 'overdue', '2026-06-06'],
    ['2026-06-06', 'unsupported', '2026-06-06'],
  ])(
    'with 7 grace days, on %s it is %s (deadline %s)',
    (now, state, deadline) => {
      const [finding] = run(
        behind,
        now,
        [plan()],
        config({ upgradePlans: { graceDays: 7 } }),
      );
      expect(finding).toMatchObject({ state, deadline });
    },
  );

  it('uses the plan window over the configured default', () => {
    expect(
      run(behind, '2026-03-15', [plan({ windowDays: 30 })])[0].deadline,
    ).toBe('2026-03-31');
    expect(
      run(
        behind,
        '2026-03-15',
        [plan()],
        config({ upgradePlans: { windowDays: 60 } }),
      )[0].deadline,
    ).toBe('2026-04-30');
  });

  it('exposes reminder dates at the configured offsets, none before the announcement', () => {
    expect(run(behind, '2026-03-02')[0].reminders).toEqual([
      { offsetDays: 30, date: '2026-04-30' },
      { offsetDays: 14, date: '2026-05-16' },
      { offsetDays: 7, date: '2026-05-23' },
      { offsetDays: 1, date: '2026-05-29' },
    ]);
    expect(
      run(behind, '2026-03-02', [plan({ windowDays: 10 })])[0].reminders,
    ).toEqual([
      { offsetDays: 7, date: '2026-03-04' },
      { offsetDays: 1, date: '2026-03-10' },
    ]);
    const custom = config({
      upgradePlans: { reminderOffsetsDays: [3, 60, 3] },
    });
    expect(run(behind, '2026-03-02', [plan()], custom)[0].reminders).toEqual([
      { offsetDays: 60, date: '2026-03-31' },
      { offsetDays: 3, date: '2026-05-27' },
    ]);
  });

  it.each([
    ['2.17', '2.17.0', 'compliant'],
    ['2.17', '2.18.0', 'compliant'],
    ['2.17.1', '2.17.0', 'upgrade-due'],
    ['2.17.1', '2.17.1', 'compliant'],
    ['2.17', '2.16.9', 'upgrade-due'],
  ])('target %s vs NKP %s: %s', (targetVersion, nkp, state) => {
    expect(
      run(selfManaged('s', nkp, '1.34.1'), '2026-03-15', [
        plan({ targetVersion }),
      ])[0].state,
    ).toBe(state);
  });

  it.each([
    ['1.33.9', 'upgrade-due'],
    ['1.34.0', 'compliant'],
  ])(
    'compares an attached cluster on Kubernetes %s with the target’s Kubernetes minor: %s',
    (k8s, state) => {
      const attached = cluster('eks', {
        clusterType: 'attached',
        kubernetesVersion: k8s,
      });
      expect(run(attached, '2026-03-15')[0].state).toBe(state);
    },
  );

  it.each([
    [
      'a target NKP minor the calendar does not know, for a cluster without NKP',
      plan({ targetVersion: '2.19' }),
      cluster('eks', { clusterType: 'attached', kubernetesVersion: '1.34.0' }),
    ],
    ['an unreadable target', plan({ targetVersion: 'next' }), behind],
    ['an unreadable announcement', plan({ announcedAt: 'soon' }), behind],
    [
      'a cluster without versions',
      plan(),
      cluster('c', { clusterType: 'self-managed' }),
    ],
  ])('is unknown for %s', (_, p, c) => {
    expect(run(c, '2026-03-15', [p])[0].state).toBe('unknown');
  });

  describe('scopes', () => {
    const a = managed('a', 'mgmt-1', '2.16.1', '1.33.2', { workspace: 'ws-a' });
    const other = managed('o', 'mgmt-2', '2.16.1', '1.33.2', {
      workspace: 'ws-b',
    });
    it.each([
      [{ kind: 'fleet' } as const, [true, true, true, true]],
      [
        { kind: 'management-cluster', name: 'mgmt-1' } as const,
        [true, true, false, false],
      ],
      [
        { kind: 'workspace', name: 'ws-a' } as const,
        [false, true, false, false],
      ],
      [
        { kind: 'workspace', name: 'platform-ws' } as const,
        [true, false, false, false],
      ],
    ])('%j applies to mgmt-1, a, o, s: %j', (scope, expected) => {
      const applies = [management, a, other, behind].map(
        c => run(c, '2026-03-15', [plan({ scope })]).length > 0,
      );
      expect(applies).toEqual(expected);
    });
  });

  describe('blocking the management-plane upgrade (managed skew 1)', () => {
    it.each([
      [
        'a managed cluster that would be 2 minors behind',
        managed('slow', 'mgmt-1', '2.15.2', '1.32.3'),
        { kind: 'management-cluster', name: 'mgmt-1' },
        true,
      ],
      [
        'a managed cluster that would be 1 minor behind',
        managed('ok', 'mgmt-1', '2.16.1', '1.33.2'),
        { kind: 'management-cluster', name: 'mgmt-1' },
        false,
      ],
      [
        'a slow managed cluster, fleet plan',
        managed('slow', 'mgmt-1', '2.15.2', '1.32.3'),
        { kind: 'fleet' },
        true,
      ],
      [
        'a slow managed cluster, plan for its management cluster’s workspace',
        managed('slow', 'mgmt-1', '2.15.2', '1.32.3', { workspace: 'ws-x' }),
        { kind: 'workspace', name: 'platform-ws' },
        false,
      ],
      [
        'a slow managed cluster, plan for its own workspace only',
        managed('slow', 'mgmt-1', '2.15.2', '1.32.3', { workspace: 'ws-x' }),
        { kind: 'workspace', name: 'ws-x' },
        false,
      ],
      [
        'a self-managed cluster far behind',
        selfManaged('far', '2.14.3', '1.31.4'),
        { kind: 'fleet' },
        false,
      ],
    ] as const)('%s: blocking=%p', (_, c, scope, blocking) => {
      const findings = run(c, '2026-03-15', [plan({ scope })]);
      expect(Boolean(findings[0]?.blocking)).toBe(blocking);
    });
  });

  describe('what a plan requires', () => {
    it.each([
      [{ kind: 'management-cluster', name: 'm' } as const, 'within-skew'],
      [{ kind: 'fleet' } as const, 'reach-target'],
      [{ kind: 'workspace', name: 'w' } as const, 'reach-target'],
    ])('defaults from the scope %j: %s', (scope, requires) => {
      expect(planRequirement({ scope })).toBe(requires);
    });

    it('takes an explicit choice, and refuses an unknown one naming the field', () => {
      expect(
        planRequirement({ scope: { kind: 'fleet' }, requires: 'within-skew' }),
      ).toBe('within-skew');
      const parsed = upgradePlanSchema.safeParse({
        ...plan(),
        requires: 'everything',
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({
        path: ['requires'],
        message: 'must be one of within-skew, reach-target',
      });
    });

    // mgmt-1 (workspace platform-ws) manages `a` (ws-a) and `s2` (attached); mgmt-2 manages `o`.
    const a = managed('a', 'mgmt-1', '2.15.2', '1.32.3', { workspace: 'ws-a' });
    const attached = cluster('s2', {
      clusterType: 'attached',
      managementCluster: 'mgmt-1',
      kubernetesVersion: '1.29.0',
    });
    const other = mgmt('mgmt-2', '2.16.1', '1.33.2', { workspace: 'ws-b' });
    const o = managed('o', 'mgmt-2', '2.16.1', '1.33.2', { workspace: 'ws-a' });
    const all = [management, other];
    const concern = (c: NkpClusterFacts, scope: UpgradePlan['scope']) => {
      const [finding] = upgradePlanRule.evaluate(
        c,
        ruleContext({
          now: '2026-03-15',
          plans: [plan({ scope, requires: 'within-skew' })],
          clusters: all,
        }),
      );
      if (!finding) return 'nothing';
      return finding.platformStep ? 'platform step' : finding.state;
    };

    it.each([
      [
        { kind: 'fleet' } as const,
        [
          'platform step',
          'platform step',
          'upgrade-due',
          'compliant',
          'nothing',
          'nothing',
        ],
      ],
      [
        { kind: 'management-cluster', name: 'mgmt-1' } as const,
        [
          'platform step',
          'nothing',
          'upgrade-due',
          'nothing',
          'nothing',
          'nothing',
        ],
      ],
      // A workspace plan moves the management clusters in the workspace, so it concerns the
      // clusters they manage in every workspace, and only those.
      [
        { kind: 'workspace', name: 'platform-ws' } as const,
        [
          'platform step',
          'nothing',
          'upgrade-due',
          'nothing',
          'nothing',
          'nothing',
        ],
      ],
      [
        { kind: 'workspace', name: 'ws-a' } as const,
        ['nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'nothing'],
      ],
    ])(
      'a management-plane plan for %j concerns mgmt-1, mgmt-2, a, o, attached, self-managed: %j',
      (scope, expected) => {
        expect(
          [management, other, a, o, attached, behind].map(c =>
            concern(c, scope),
          ),
        ).toEqual(expected);
      },
    );
  });

  it('says nothing when disabled', () => {
    expect(
      run(
        behind,
        '2026-12-01',
        [plan()],
        config({ upgradePlans: { enabled: false } }),
      ),
    ).toEqual([]);
  });
});
