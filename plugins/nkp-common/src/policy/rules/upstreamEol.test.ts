import { buildReleaseCalendar } from '../calendar/merge';
import {
  cluster,
  config,
  ruleContext,
  selfManaged,
} from '../__fixtures__/fleet';
import { upstreamEolRule } from './upstreamEol';

// Kubernetes 1.34 reaches upstream end of life on 2026-10-27; with 90 warning days the warning
// starts on 2026-07-29. Attached clusters have no NKP release, so upstream's dates apply as-is.
const attached134 = cluster('eks', {
  clusterType: 'attached',
  kubernetesVersion: 'v1.34.2',
});

describe('upstream end-of-life rule', () => {
  it.each([
    ['2026-07-28', 'compliant', undefined],
    ['2026-07-29', 'upgrade-due', { kubernetes: '1.35' }],
    ['2026-10-26', 'upgrade-due', { kubernetes: '1.35' }],
    ['2026-10-27', 'unsupported', { kubernetes: '1.35' }],
    ['2026-10-28', 'unsupported', { kubernetes: '1.35' }],
  ])('on %s Kubernetes 1.34 (no NKP) is %s', (now, state, targetVersion) => {
    const [finding] = upstreamEolRule.evaluate(
      attached134,
      ruleContext({ now }),
    );
    expect(finding).toMatchObject({
      rule: 'upstream-eol',
      state,
      deadline: '2026-10-27',
    });
    expect(finding.targetVersion).toEqual(targetVersion);
  });

  it('judges from the UTC day of a timestamp', () => {
    const late = upstreamEolRule.evaluate(
      attached134,
      ruleContext({ now: '2026-10-26T23:59:59Z' }),
    );
    const east = upstreamEolRule.evaluate(
      attached134,
      ruleContext({ now: '2026-10-27T01:00:00+03:00' }),
    );
    expect(late[0].state).toBe('upgrade-due');
    expect(east[0].state).toBe('upgrade-due'); // 2026-10-26T22:00Z
  });

  it('can count end of standard support instead of end of life', () => {
    const ctx = (now: string) =>
      ruleContext({
        now,
        config: config({
          upstreamEol: {
            endOfSupport: 'end-of-standard-support',
            warningDays: 30,
          },
        }),
      });
    expect(
      upstreamEolRule.evaluate(attached134, ctx('2026-08-26'))[0],
    ).toMatchObject({ state: 'upgrade-due', deadline: '2026-08-27' });
    expect(
      upstreamEolRule.evaluate(attached134, ctx('2026-08-27'))[0].state,
    ).toBe('unsupported');
  });

  describe('NKP support of the Kubernetes minor it ships', () => {
    const newest = selfManaged('s', '2.17.1', '1.34.3');

    it.each([
      [true, 'compliant'],
      [false, 'unsupported'],
    ])(
      'respectNkpSupport=%p: a cluster on the newest NKP after upstream EOL is %s',
      (respectNkpSupport, state) => {
        const ctx = ruleContext({
          now: '2026-11-01',
          config: config({ upstreamEol: { respectNkpSupport } }),
        });
        const [finding] = upstreamEolRule.evaluate(newest, ctx);
        expect(finding.state).toBe(state);
        expect(finding.reason).toContain(
          'reached upstream end-of-life on 2026-10-27',
        );
      },
    );

    describe('with a published NKP end of life (2027-03-01) later than upstream', () => {
      const calendar = buildReleaseCalendar({
        served: [
          {
            version: '2.17.1',
            supportedKubernetesVersions: ['1.34.3'],
            endOfLifeDate: '2027-03-01',
          },
        ],
      });
      it.each([
        ['2026-11-30', 'compliant'],
        ['2026-12-01', 'upgrade-due'],
        ['2027-02-28', 'upgrade-due'],
        ['2027-03-01', 'unsupported'],
      ])(
        'on %s it is %s, with NKP end of life as the deadline',
        (now, state) => {
          const [finding] = upstreamEolRule.evaluate(
            newest,
            ruleContext({ now, calendar }),
          );
          expect(finding).toMatchObject({ state, deadline: '2027-03-01' });
          expect(finding.reason).toMatch(
            /NKP 2\.17 ships it and supports it until 2027-03-01/,
          );
        },
      );
    });

    it('does not extend support through an NKP release that is itself out of support', () => {
      // 2.13 is four minors behind 2.17 on this day, outside the default window.
      const [finding] = upstreamEolRule.evaluate(
        selfManaged('s', '2.13.3', '1.30.14'),
        ruleContext({ now: '2026-03-15' }),
      );
      expect(finding).toMatchObject({
        state: 'unsupported',
        deadline: '2025-07-15',
      });
    });

    it('does not extend support to a Kubernetes minor the NKP release does not ship', () => {
      const [finding] = upstreamEolRule.evaluate(
        selfManaged('s', '2.17.1', '1.31.4'),
        ruleContext({ now: '2026-03-15' }),
      );
      expect(finding).toMatchObject({
        state: 'unsupported',
        deadline: '2025-11-11',
      });
    });
  });

  it.each([
    [
      'a Kubernetes minor the calendar does not know',
      '1.27.3',
      /1\.27 has no upstream end-of-life date/,
    ],
    ['no Kubernetes version', undefined, /^No Kubernetes version known$/],
    [
      'a garbled Kubernetes version',
      'latest',
      /^Kubernetes version 'latest' is unreadable$/,
    ],
  ])('is unknown for %s', (_, kubernetesVersion, reason) => {
    const [finding] = upstreamEolRule.evaluate(
      cluster('c', { clusterType: 'attached', kubernetesVersion }),
      ruleContext({ now: '2026-03-15' }),
    );
    expect(finding.state).toBe('unknown');
    expect(finding.reason).toMatch(reason);
  });

  it('says nothing when disabled', () => {
    const ctx = ruleContext({
      now: '2030-01-01',
      config: config({ upstreamEol: { enabled: false } }),
    });
    expect(upstreamEolRule.evaluate(attached134, ctx)).toEqual([]);
  });
});
