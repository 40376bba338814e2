import {
  globexDr,
  globexProd,
  globexStaging,
  platformMgmt,
  scheduledMgmt,
} from '../../__fixtures__/fleet';
import { byUrgency, reasonsOf } from './deadlineOrder';

describe('byUrgency', () => {
  it('puts clusters already out of support first, then deadlines soonest first, then nothing due', () => {
    const sorted = [globexStaging, globexProd, platformMgmt, globexDr].sort(
      byUrgency,
    );
    expect(sorted.map(c => c.title)).toEqual([
      'globex-pay-dr', // unsupported, no date: already too late
      'nkp-mgmt', // 2026-12-15
      'globex-pay-prod', // 2027-01-31
      'globex-pay-staging', // compliant, nothing due
    ]);
  });
});

describe('reasonsOf', () => {
  it('gives the findings that are not compliant', () => {
    expect(reasonsOf(globexDr).map(f => f.rule)).toEqual(['managed-skew']);
  });

  it('gives the platform team’s scheduled step of a compliant management cluster', () => {
    expect(reasonsOf(scheduledMgmt).map(f => f.platformStep?.by)).toEqual([
      '2027-01-20',
    ]);
  });

  it('gives nothing for a compliant cluster without dates', () => {
    expect(reasonsOf(globexStaging)).toEqual([]);
  });
});
