import { buildReleaseCalendar } from '../calendar/merge';
import {
  cluster,
  config,
  mgmt,
  ruleContext,
  selfManaged,
} from '../__fixtures__/fleet';
import { selfManagedWindowRule } from './selfManagedWindow';

// On 2026-03-15 the newest released NKP minor is 2.17; released order 2.8, 2.12 … 2.17.
const now = '2026-03-15';

describe('self-managed window rule', () => {
  it.each([
    ['2.17.1', 0, 'compliant', 'NKP 2.17 is the newest NKP minor'],
    ['2.16.0', 1, 'compliant', '1 minor behind the newest NKP 2.17'],
    ['2.15.2', 2, 'compliant', '2 minors behind the newest NKP 2.17'],
    // Three minors behind is inside the default window (see config.ts for why 3).
    ['2.14.3', 3, 'compliant', '3 minors behind'],
    ['2.13.3', 4, 'unsupported', '4 minors behind'],
    ['2.12.2', 5, 'unsupported', '5 minors behind'],
    // 2.9–2.11 never existed: 2.8 is one release before 2.12, six behind 2.17.
    ['2.8.3', 6, 'unsupported', '6 minors behind'],
  ])(
    'NKP %s (%i behind 2.17) is %s by default',
    (nkp, _behind, state, words) => {
      const [finding] = selfManagedWindowRule.evaluate(
        selfManaged('s', nkp),
        ruleContext({ now }),
      );
      expect(finding).toMatchObject({ rule: 'self-managed-window', state });
      expect(finding.reason).toContain(words);
      expect(finding.reason).toMatch(/(at most|up to) 3 minors/);
    },
  );

  it('says since when and why an NKP minor out of the window is unsupported', () => {
    const [finding] = selfManagedWindowRule.evaluate(
      selfManaged('s', '2.13.3'),
      ruleContext({ now }),
    );
    expect(finding.reason).toBe(
      'NKP 2.13 is 4 minors behind the newest NKP 2.17; at most 3 minors allowed; unsupported since NKP 2.17 was released on 2025-12-23',
    );
  });

  it('names the day support ended and the least upgrade that restores it', () => {
    const [finding] = selfManagedWindowRule.evaluate(
      selfManaged('s', '2.13.3'),
      ruleContext({ now }),
    );
    // 2.13 left the 3-minor window when 2.17 shipped.
    expect(finding).toMatchObject({
      deadline: '2025-12-23',
      targetVersion: { nkp: '2.14' },
    });
  });

  it('follows the vendor N-2 policy when configured with 2', () => {
    const ctx = ruleContext({
      now,
      config: config({ selfManagedWindow: { maxMinorsBehind: 2 } }),
    });
    expect(
      selfManagedWindowRule.evaluate(selfManaged('s', '2.15.0'), ctx)[0].state,
    ).toBe('compliant');
    expect(
      selfManagedWindowRule.evaluate(selfManaged('s', '2.14.3'), ctx)[0],
    ).toMatchObject({
      state: 'unsupported',
      targetVersion: { nkp: '2.15' },
    });
  });

  it('counts only released NKP minors as the newest', () => {
    const calendar = buildReleaseCalendar({
      overrides: {
        nkp: [
          {
            minor: '2.18',
            kubernetesMinors: ['1.35'],
            releaseDate: '2026-06-01',
          },
        ],
      },
    });
    const s = selfManaged('s', '2.14.3');
    expect(
      selfManagedWindowRule.evaluate(
        s,
        ruleContext({ now: '2026-05-31', calendar }),
      )[0].state,
    ).toBe('compliant');
    expect(
      selfManagedWindowRule.evaluate(
        s,
        ruleContext({ now: '2026-06-01', calendar }),
      )[0],
    ).toMatchObject({
      state: 'unsupported',
      deadline: '2026-06-01',
    });
  });

  describe('with a known NKP end-of-life date (2026-07-01, 90 warning days)', () => {
    const calendar = buildReleaseCalendar({
      served: [{ version: '2.16.1', endOfLifeDate: '2026-07-01' }],
    });
    it.each([
      ['2026-04-01', 'compliant'],
      ['2026-04-02', 'upgrade-due'],
      ['2026-06-30', 'upgrade-due'],
      ['2026-07-01', 'unsupported'],
      ['2026-07-02', 'unsupported'],
    ])('on %s it is %s', (day, state) => {
      const [finding] = selfManagedWindowRule.evaluate(
        selfManaged('s', '2.16.1'),
        ruleContext({ now: day, calendar }),
      );
      expect(finding).toMatchObject({ state, deadline: '2026-07-01' });
    });
  });

  it('applies to management clusters too, not to managed or attached ones', () => {
    const ctx = ruleContext({ now });
    expect(
      selfManagedWindowRule.evaluate(mgmt('m', '2.13.0', '1.30.1'), ctx)[0]
        .state,
    ).toBe('unsupported');
    expect(
      selfManagedWindowRule.evaluate(
        cluster('c', { clusterType: 'managed', nkpVersion: '2.8.0' }),
        ctx,
      ),
    ).toEqual([]);
    expect(
      selfManagedWindowRule.evaluate(
        cluster('c', { clusterType: 'attached' }),
        ctx,
      ),
    ).toEqual([]);
  });

  it.each([
    ['no NKP version', undefined, /^No NKP version known$/],
    [
      'a garbled NKP version',
      'two.seventeen',
      /^NKP version 'two.seventeen' is unreadable$/,
    ],
    [
      'an NKP minor the calendar does not know',
      '2.10.0',
      /not a released NKP minor/,
    ],
    ['an NKP minor not released yet', '2.99.0', /not a released NKP minor/],
  ])('is unknown for %s', (_, nkp, reason) => {
    const [finding] = selfManagedWindowRule.evaluate(
      selfManaged('s', nkp),
      ruleContext({ now }),
    );
    expect(finding.state).toBe('unknown');
    expect(finding.reason).toMatch(reason);
  });

  it('says nothing when disabled', () => {
    const ctx = ruleContext({
      now,
      config: config({ selfManagedWindow: { enabled: false } }),
    });
    expect(
      selfManagedWindowRule.evaluate(selfManaged('s', '2.8.0'), ctx),
    ).toEqual([]);
  });
});
