import { buildReleaseCalendar } from './calendar/merge';
import { EvaluateFleetInput, evaluateFleet } from './evaluate';
import { PolicyException } from './exceptions';
import { UpgradePlan } from './plans';
import {
  cluster,
  config,
  managed,
  mgmt,
  selfManaged,
} from './__fixtures__/fleet';

const calendar = buildReleaseCalendar();
const evaluate = (
  input: Partial<EvaluateFleetInput> &
    Pick<EvaluateFleetInput, 'clusters' | 'now'>,
) => evaluateFleet({ calendar, ...input });
const byName = (result: ReturnType<typeof evaluateFleet>, name: string) =>
  result.clusters.find(c => c.cluster.name === name)!;

describe('evaluateFleet', () => {
  describe('seed scenario (a): one slow tenant blocks the management-plane upgrade', () => {
    // Centralised model: every managed cluster must stay within N-1 of the management plane.
    // Moving mgmt-1 from NKP 2.16 (Kubernetes 1.33) to 2.17 (1.34) leaves 1.32 two minors behind.
    const clusters = [
      mgmt('mgmt-1', '2.16.1', '1.33.2'),
      managed('shop', 'mgmt-1', '2.16.1', '1.33.2', {
        owner: 'group:default/team-shop',
        workspace: 'retail',
      }),
      managed('billing', 'mgmt-1', '2.16.1', '1.33.5', {
        owner: 'group:default/team-billing',
        workspace: 'finance',
      }),
      managed('legacy-erp', 'mgmt-1', '2.15.2', '1.32.3', {
        owner: 'group:default/team-erp',
        workspace: 'erp',
      }),
      selfManaged('edge', '2.15.2', '1.32.3', {
        owner: 'group:default/team-edge',
      }),
    ];
    const plan = (scope: UpgradePlan['scope']): UpgradePlan => ({
      id: 'mp-2.17',
      title: 'Management plane to NKP 2.17',
      targetVersion: '2.17',
      announcedAt: '2026-03-01',
      scope,
    });

    it.each([
      [
        // A management-plane plan: tenants within N-1 of the target are ready, mgmt-1 is the
        // platform's own step; only the slow tenant has to act, and only to reach 1.33.
        { kind: 'management-cluster', name: 'mgmt-1' } as const,
        ['resource:default/legacy-erp'],
        { nkp: '2.16', kubernetes: '1.33' },
        [{ nkp: '2.16', kubernetes: '1.33' }],
      ],
      [
        // A fleet plan: everyone to NKP 2.17.
        { kind: 'fleet' } as const,
        [
          'resource:default/billing',
          'resource:default/edge',
          'resource:default/legacy-erp',
          'resource:default/mgmt-1',
          'resource:default/shop',
        ],
        { nkp: '2.17', kubernetes: '1.34' },
        [
          { nkp: '2.16', kubernetes: '1.33' },
          { nkp: '2.17', kubernetes: '1.34' },
        ],
      ],
    ])(
      'lists exactly that tenant as the blocker (%j)',
      (scope, pending, targetVersion, upgradePath) => {
        const result = evaluate({
          clusters,
          plans: [plan(scope)],
          now: '2026-03-15',
        });
        expect(result.plans).toHaveLength(1);
        expect(result.plans[0]).toMatchObject({
          deadline: '2026-05-30',
          targetKubernetesMinor: '1.34',
          blockingClusters: ['resource:default/legacy-erp'],
          blockingTenants: {
            owners: ['group:default/team-erp'],
            workspaces: ['erp'],
          },
        });
        expect([...result.plans[0].pendingClusters].sort()).toEqual(pending);
        expect(byName(result, 'legacy-erp')).toMatchObject({
          state: 'upgrade-due',
          deadline: '2026-05-30',
          daysLeft: 76,
          targetVersion,
          upgradePath,
        });
      },
    );

    it('has no blocker once the slow tenant is on N-1', () => {
      const upgraded = clusters.map(c =>
        c.name === 'legacy-erp'
          ? { ...c, nkpVersion: '2.16.0', kubernetesVersion: '1.33.1' }
          : c,
      );
      const result = evaluate({
        clusters: upgraded,
        plans: [plan({ kind: 'management-cluster', name: 'mgmt-1' })],
        now: '2026-03-15',
      });
      expect(result.plans[0].blockingClusters).toEqual([]);
      expect(result.plans[0].blockingTenants).toEqual({
        owners: [],
        workspaces: [],
      });
    });
  });

  describe('seed scenario (b): a self-managed tenant legitimately three minors behind', () => {
    // NKP 2.14 is three minors behind 2.17. Kubernetes 1.31 is past upstream EOL, but NKP 2.14
    // ships it and is still inside the (default, 3-minor) self-managed window.
    const clusters = [
      selfManaged('tenant-x', '2.14.3', '1.31.4', {
        owner: 'group:default/team-x',
      }),
    ];

    it('is compliant with the default window', () => {
      const result = evaluate({ clusters, now: '2026-03-15' });
      expect(byName(result, 'tenant-x')).toMatchObject({
        state: 'compliant',
        upgradePath: [],
      });
      expect(
        byName(result, 'tenant-x').findings.map(f => [f.rule, f.state]),
      ).toEqual([
        ['self-managed-window', 'compliant'],
        ['upstream-eol', 'compliant'],
      ]);
    });

    it('is unsupported under the vendor N-2 policy (maxMinorsBehind 2)', () => {
      const result = evaluate({
        clusters,
        now: '2026-03-15',
        config: config({ selfManagedWindow: { maxMinorsBehind: 2 } }),
      });
      expect(byName(result, 'tenant-x')).toMatchObject({
        state: 'unsupported',
        targetVersion: { nkp: '2.15', kubernetes: '1.32' },
        upgradePath: [{ nkp: '2.15', kubernetes: '1.32' }],
      });
    });
  });

  describe('seed scenario (c): a tenant past its window loses support', () => {
    const clusters = [
      selfManaged('late', '2.16.1', '1.33.2', {
        owner: 'group:default/team-late',
        workspace: 'late-ws',
      }),
      selfManaged('done', '2.17.1', '1.34.3', {
        owner: 'group:default/team-done',
        workspace: 'done-ws',
      }),
    ];
    // Announced 2026-01-01 with a 60-day window: deadline 2026-03-02.
    const plans: UpgradePlan[] = [
      {
        id: 'q1',
        title: 'Q1 upgrade',
        targetVersion: '2.17',
        announcedAt: '2026-01-01',
        windowDays: 60,
        scope: { kind: 'fleet' },
      },
    ];

    it.each([
      ['2026-03-01', 'upgrade-due', 1],
      ['2026-03-02', 'unsupported', 0],
      ['2026-03-03', 'unsupported', -1],
    ])(
      'on %s the late tenant is %s with %i days left',
      (now, state, daysLeft) => {
        const result = evaluate({ clusters, plans, now });
        expect(byName(result, 'late')).toMatchObject({
          state,
          deadline: '2026-03-02',
          daysLeft,
        });
        expect(byName(result, 'done').state).toBe('compliant');
        expect(
          result.tenants.byOwner.find(
            t => t.tenant === 'group:default/team-late',
          )?.worstState,
        ).toBe(state);
      },
    );

    it('keeps the loss of support visible under an exception (overdue, never compliant)', () => {
      const exceptions: PolicyException[] = [
        {
          id: 'late-1',
          target: { owner: 'team-late' },
          rule: 'upgrade-plan',
          reason: 'ISV certification due in April',
          approvedBy: 'user:default/cto',
          approvedAt: '2026-03-01',
          expiresAt: '2026-04-15',
        },
      ];
      const result = evaluate({
        clusters,
        plans,
        exceptions,
        now: '2026-03-10',
      });
      const late = byName(result, 'late');
      expect(late).toMatchObject({
        state: 'overdue',
        deadline: '2026-04-15',
        daysLeft: 36,
      });
      expect(
        late.findings.find(f => f.rule === 'upgrade-plan')?.reason,
      ).toMatch(
        /missed the 2026-03-02 deadline .* excepted until 2026-04-15, approved by user:default\/cto/,
      );
      expect(result.exceptions).toEqual([
        expect.objectContaining({ id: 'late-1', status: 'active' }),
      ]);
      const after = evaluate({
        clusters,
        plans,
        exceptions,
        now: '2026-04-15',
      });
      expect(byName(after, 'late').state).toBe('unsupported');
    });
  });

  it('rolls up per owner, per workspace and for the fleet', () => {
    const result = evaluate({
      now: '2026-03-15',
      clusters: [
        selfManaged('a1', '2.17.1', '1.34.3', {
          owner: 'team-a',
          workspace: 'w1',
        }),
        selfManaged('a2', '2.13.3', '1.30.14', {
          owner: 'group:default/team-a',
          workspace: 'w1',
        }),
        selfManaged('b1', 'garbage', '1.34.3', {
          owner: 'team-b',
          workspace: 'w2',
        }),
        selfManaged('n1', '2.17.1', '1.34.3'),
      ],
    });
    expect(result.tenants.byOwner).toEqual([
      expect.objectContaining({
        tenant: 'group:default/team-a',
        total: 2,
        worstState: 'unsupported',
        counts: expect.objectContaining({ compliant: 1, unsupported: 1 }),
      }),
      expect.objectContaining({
        tenant: 'group:default/team-b',
        total: 1,
        worstState: 'unknown',
      }),
    ]);
    expect(result.tenants.byWorkspace.map(t => [t.tenant, t.total])).toEqual([
      ['w1', 2],
      ['w2', 1],
    ]);
    expect(result.fleet).toEqual({
      total: 4,
      counts: {
        compliant: 2,
        'upgrade-due': 0,
        unknown: 1,
        overdue: 0,
        unsupported: 1,
      },
      worstState: 'unsupported',
      // The nearest upcoming deadline: Kubernetes 1.34's upstream end of life.
      nearestDeadline: '2026-10-27',
      daysToNearestDeadline: 226,
    });
  });

  it('never calls a cluster with unknown versions compliant', () => {
    const result = evaluate({
      now: '2026-03-15',
      clusters: [
        cluster('mystery', { clusterType: 'self-managed' }),
        cluster('untyped', { kubernetesVersion: '1.34.1' }),
      ],
    });
    expect(result.clusters.map(c => c.state)).toEqual(['unknown', 'unknown']);
  });

  it('is compliant with no findings when every rule is disabled', () => {
    const off = config({
      managedSkew: { enabled: false },
      selfManagedWindow: { enabled: false },
      upstreamEol: { enabled: false },
      upgradePlans: { enabled: false },
    });
    const result = evaluate({
      now: '2026-03-15',
      config: off,
      clusters: [selfManaged('s', '2.8.0', '1.28.1')],
    });
    expect(result.clusters[0]).toMatchObject({
      state: 'compliant',
      findings: [],
      upgradePath: [],
    });
  });

  it('gives clusters with the same facts the same result, except where an exception applies', () => {
    const result = evaluate({
      now: '2026-03-15',
      clusters: [
        selfManaged('x1', '2.13.0', '1.30.2'),
        selfManaged('x2', '2.13.0', '1.30.2'),
        selfManaged('x3', '2.13.0', '1.30.2'),
      ],
      exceptions: [
        {
          id: 'e',
          target: { cluster: 'x2' },
          reason: 'r',
          approvedBy: 'u',
          approvedAt: '2026-03-01',
          expiresAt: '2026-04-01',
        },
      ],
    });
    expect(result.clusters.map(c => c.state)).toEqual([
      'unsupported',
      'overdue',
      'unsupported',
    ]);
    expect(result.clusters[0].findings).toEqual(result.clusters[2].findings);
    expect(result.clusters[0].findings.every(f => !f.exception)).toBe(true);
  });

  it.each([
    // Moving m1 is the platform's step: never a failure of m1.
    [undefined, ['compliant', 'compliant'], []],
    [
      'reach-target' as const,
      ['upgrade-due', 'compliant'],
      ['resource:default/m1'],
    ],
  ])(
    'does not share results between management clusters that differ only by name (requires %s)',
    (requires, states, pending) => {
      const result = evaluate({
        now: '2026-03-15',
        clusters: [
          mgmt('m1', '2.16.1', '1.33.2'),
          mgmt('m2', '2.16.1', '1.33.2'),
        ],
        plans: [
          {
            id: 'p',
            title: 'm1 only',
            targetVersion: '2.17',
            announcedAt: '2026-03-01',
            scope: { kind: 'management-cluster', name: 'm1' },
            ...(requires ? { requires } : {}),
          },
        ],
      });
      expect(result.clusters.map(c => c.state)).toEqual(states);
      expect(result.plans[0].pendingClusters).toEqual(pending);
      expect(result.plans[0].platformSteps).toEqual(
        requires ? [] : [{ entityRef: 'resource:default/m1', done: false }],
      );
    },
  );

  it.each([['yesterday'], [new Date('invalid')]])(
    'refuses an unreadable now (%p)',
    now => {
      expect(() => evaluate({ clusters: [], now })).toThrow(
        /'now' must be a valid Date or ISO date/,
      );
    },
  );

  it('reports the evaluation day and calendar warnings', () => {
    const result = evaluateFleet({
      clusters: [],
      calendar: buildReleaseCalendar({
        overrides: { kubernetes: [{ minor: 'x' }] },
      }),
      now: new Date('2026-03-15T23:30:00-05:00'),
    });
    expect(result.evaluatedOn).toBe('2026-03-16');
    expect(result.warnings).toHaveLength(1);
    expect(result.fleet).toMatchObject({ total: 0, worstState: 'compliant' });
  });
});
