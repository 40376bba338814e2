import { dayOf } from './days';
import { config, selfManaged } from './__fixtures__/fleet';
import {
  PolicyException,
  applyExceptions,
  matchingExceptions,
  policyExceptionSchema,
  prepareExceptions,
} from './exceptions';
import { PolicyFinding } from './types';
import { normalizeOwnerRef } from '../entityRefs';

const exception = (extra: Partial<PolicyException> = {}): PolicyException => ({
  id: 'exc-1',
  target: { cluster: 'resource:default/tenant-a' },
  reason: 'vendor has not certified 1.34',
  approvedBy: 'user:default/platform-lead',
  approvedAt: '2026-03-01T10:00:00Z',
  expiresAt: '2026-03-10',
  ...extra,
});
const tenantA = selfManaged('tenant-a', '2.13.0', '1.30.1', {
  owner: 'group:default/team-a',
});
const unsupported: PolicyFinding = {
  rule: 'upstream-eol',
  state: 'unsupported',
  deadline: '2025-07-15',
  reason: 'Kubernetes 1.30 reached upstream end-of-life on 2025-07-15',
};

function applyOn(
  now: string,
  exceptions: PolicyException[],
  findings: PolicyFinding[] = [unsupported],
  cfg = config(),
) {
  const index = prepareExceptions(exceptions, cfg.exceptions, dayOf(now)!);
  const matching = matchingExceptions(
    tenantA,
    normalizeOwnerRef(tenantA.owner!),
    index,
  );
  return {
    index,
    findings: matching ? applyExceptions(findings, matching) : findings,
  };
}

describe('exceptions', () => {
  // Counts from the UTC day of approval; stops counting ON the UTC day of expiry.
  it.each([
    ['2026-02-28', 'pending', 'unsupported'],
    ['2026-03-01', 'active', 'overdue'],
    ['2026-03-09', 'active', 'overdue'],
    ['2026-03-09T23:59:59Z', 'active', 'overdue'],
    ['2026-03-10', 'expired', 'unsupported'],
    ['2026-03-11', 'expired', 'unsupported'],
  ])('on %s the exception is %s and the finding %s', (now, status, state) => {
    const { index, findings } = applyOn(now, [exception()]);
    expect(index.statuses[0]).toMatchObject({
      status,
      startsOn: '2026-03-01',
      endsOn: '2026-03-10',
      capped: false,
    });
    expect(findings[0].state).toBe(state);
  });

  it.each([
    ['2026-03-10T23:00:00+05:00', '2026-03-10'],
    ['2026-03-10T01:00:00+05:00', '2026-03-09'],
  ])('reads expiry %s as UTC day %s', (expiresAt, endsOn) => {
    expect(
      applyOn('2026-03-05', [exception({ expiresAt })]).index.statuses[0]
        .endsOn,
    ).toBe(endsOn);
  });

  describe('maximum length (90 days by default)', () => {
    const long = exception({ expiresAt: '2026-12-31' });
    it.each([
      ['2026-05-29', 'active', 'overdue'],
      ['2026-05-30', 'expired', 'unsupported'],
    ])(
      'a year-long exception approved 2026-03-01 counts until the cap: on %s it is %s',
      (now, status, state) => {
        const { index, findings } = applyOn(now, [long]);
        expect(index.statuses[0]).toEqual({
          id: 'exc-1',
          status,
          startsOn: '2026-03-01',
          endsOn: '2026-05-30',
          capped: true,
          note: 'capped at 90 days from approval',
        });
        expect(findings[0].state).toBe(state);
      },
    );

    it('flags the cap in the reason', () => {
      expect(applyOn('2026-04-01', [long]).findings[0]).toMatchObject({
        exception: { capped: true, endsOn: '2026-05-30' },
        reason: expect.stringContaining(
          'capped at the maximum exception length',
        ),
      });
    });

    it('follows the configured maximum', () => {
      const cfg = config({ exceptions: { maxDays: 5 } });
      expect(
        applyOn('2026-03-05', [exception()], [unsupported], cfg).index
          .statuses[0],
      ).toMatchObject({ endsOn: '2026-03-06', capped: true });
    });
  });

  it('downgrades without hiding: the finding keeps its reason and says who excepted it until when', () => {
    const { findings } = applyOn('2026-03-05', [exception()]);
    expect(findings).toEqual([
      {
        rule: 'upstream-eol',
        state: 'overdue',
        deadline: '2026-03-10',
        reason:
          'Kubernetes 1.30 reached upstream end-of-life on 2025-07-15 — excepted until 2026-03-10, approved by user:default/platform-lead (exc-1: vendor has not certified 1.34)',
        exception: {
          id: 'exc-1',
          approvedBy: 'user:default/platform-lead',
          endsOn: '2026-03-10',
          capped: false,
          originalState: 'unsupported',
        },
      },
    ]);
    // Findings are shared between clusters: the original is untouched.
    expect(unsupported.state).toBe('unsupported');
  });

  it.each([
    ['upgrade-due', 'upgrade-due', true],
    ['overdue', 'overdue', true],
    ['unknown', 'unknown', false],
    ['compliant', 'compliant', false],
  ] as const)(
    'leaves a %s finding %s (annotated: %p)',
    (state, expected, annotated) => {
      const finding: PolicyFinding = {
        rule: 'upgrade-plan',
        state,
        reason: 'r',
        deadline: '2026-03-20',
      };
      const [out] = applyOn('2026-03-05', [exception()], [finding]).findings;
      expect(out.state).toBe(expected);
      expect(Boolean(out.exception)).toBe(annotated);
    },
  );

  it.each([
    [
      'a rule-specific exception on its rule',
      exception({ rule: 'upstream-eol' }),
      true,
    ],
    [
      'a rule-specific exception on another rule',
      exception({ rule: 'upgrade-plan' }),
      false,
    ],
    [
      'an owner exception, short ref',
      exception({ target: { owner: 'team-a' } }),
      true,
    ],
    [
      'an owner exception, full ref',
      exception({ target: { owner: 'group:default/team-a' } }),
      true,
    ],
    ['another owner', exception({ target: { owner: 'team-b' } }), false],
    [
      'a cluster exception, other case',
      exception({ target: { cluster: 'Resource:default/Tenant-A' } }),
      true,
    ],
    [
      'a cluster exception, short ref',
      exception({ target: { cluster: 'tenant-a' } }),
      true,
    ],
    [
      'another cluster',
      exception({ target: { cluster: 'resource:default/tenant-b' } }),
      false,
    ],
  ])('%s applies: %p', (_, exc, applies) => {
    expect(applyOn('2026-03-05', [exc]).findings[0].state).toBe(
      applies ? 'overdue' : 'unsupported',
    );
  });

  it('uses the longest-lasting of several matching exceptions', () => {
    const { findings } = applyOn('2026-03-05', [
      exception({ id: 'short' }),
      exception({
        id: 'long',
        target: { owner: 'team-a' },
        expiresAt: '2026-04-01',
      }),
    ]);
    expect(findings[0].exception).toMatchObject({
      id: 'long',
      endsOn: '2026-04-01',
    });
  });

  it('applies none when exceptions are disabled, and says so', () => {
    const { index, findings } = applyOn(
      '2026-03-05',
      [exception()],
      [unsupported],
      config({ exceptions: { enabled: false } }),
    );
    expect(findings[0].state).toBe('unsupported');
    expect(index.statuses[0]).toMatchObject({
      status: 'invalid',
      note: expect.stringContaining('disabled'),
    });
  });

  it('reports unreadable dates as invalid instead of throwing', () => {
    expect(
      applyOn('2026-03-05', [exception({ expiresAt: 'next spring' })]).index
        .statuses[0],
    ).toMatchObject({ status: 'invalid' });
  });

  it('validates input', () => {
    expect(policyExceptionSchema.safeParse(exception()).success).toBe(true);
    expect(
      policyExceptionSchema.safeParse(
        exception({ rule: 'everything' as never }),
      ).success,
    ).toBe(false);
    expect(
      policyExceptionSchema.safeParse({
        ...exception(),
        target: { cluster: 'a', owner: 'b' },
      }).success,
    ).toBe(false);
    expect(
      policyExceptionSchema.safeParse(exception({ approvedBy: '' })).success,
    ).toBe(false);
  });
});
