import { buildReleaseCalendar } from './calendar/merge';
import { prepareCalendar } from './calendar/prepared';
import { dayOf } from './days';
import { cluster, selfManaged } from './__fixtures__/fleet';
import { combinedTarget, upgradePath } from './upgradePath';
import { PolicyFinding } from './types';

const calendar = prepareCalendar(buildReleaseCalendar(), dayOf('2026-03-15')!);

describe('upgradePath', () => {
  it.each([
    [
      '2.14.3',
      '2.17',
      [
        ['2.15', '1.32'],
        ['2.16', '1.33'],
        ['2.17', '1.34'],
      ],
    ],
    ['2.16.1', '2.17.1', [['2.17', '1.34']]],
    // 2.9–2.11 do not exist: DKP 2.8 goes to NKP 2.12.
    [
      '2.8.3',
      '2.13',
      [
        ['2.12', '1.29'],
        ['2.13', '1.30'],
      ],
    ],
    ['2.17.1', '2.17', []],
    ['2.17.1', '2.15', []],
    ['2.10.0', '2.17', []],
  ])('NKP %s → %s steps through every minor: %j', (from, to, steps) => {
    expect(upgradePath(selfManaged('s', from), { nkp: to }, calendar)).toEqual(
      steps.map(([nkp, kubernetes]) => ({ nkp, kubernetes })),
    );
  });

  it('steps through Kubernetes minors for a cluster without NKP', () => {
    const attached = cluster('eks', {
      clusterType: 'attached',
      kubernetesVersion: '1.31.2',
    });
    expect(upgradePath(attached, { kubernetes: '1.34' }, calendar)).toEqual([
      { kubernetes: '1.32' },
      { kubernetes: '1.33' },
      { kubernetes: '1.34' },
    ]);
  });
});

describe('combinedTarget', () => {
  const f = (
    state: PolicyFinding['state'],
    targetVersion: PolicyFinding['targetVersion'],
  ): PolicyFinding => ({
    rule: 'upgrade-plan',
    state,
    reason: '',
    targetVersion,
  });

  it('takes the most demanding target and completes it through the calendar', () => {
    const s = selfManaged('s', '2.14.3', '1.31.4');
    expect(
      combinedTarget(
        s,
        [
          f('unsupported', { kubernetes: '1.33' }),
          f('upgrade-due', { nkp: '2.15' }),
        ],
        calendar,
      ),
    ).toEqual({
      nkp: '2.16',
      kubernetes: '1.33',
    });
    expect(
      combinedTarget(
        s,
        [
          f('upgrade-due', { nkp: '2.17.1', kubernetes: '1.34' }),
          f('compliant', { nkp: '2.99' }),
        ],
        calendar,
      ),
    ).toEqual({
      nkp: '2.17.1',
      kubernetes: '1.34',
    });
  });

  it('has no target when nothing asks for an upgrade', () => {
    expect(
      combinedTarget(
        selfManaged('s', '2.17.1'),
        [f('compliant', undefined)],
        calendar,
      ),
    ).toBeUndefined();
  });
});
