import { DEFAULT_POLICY_CONFIG } from './config';
import { upgradePlanSchema } from './plans';
import {
  PolicyInputError,
  parsePolicyInput,
  parsePolicySettings,
} from './settings';

describe('parsePolicySettings', () => {
  it.each([
    ['no nkp section', {}],
    ['null sections', { policy: null, calendar: null }],
    ['empty sections', { policy: {}, calendar: {} }],
  ])('reads %s as the defaults', (_, input) => {
    expect(parsePolicySettings(input)).toEqual({
      policy: DEFAULT_POLICY_CONFIG,
      calendarOverrides: {},
    });
  });

  it('applies the policy over the defaults and keeps the calendar overrides', () => {
    const settings = parsePolicySettings({
      policy: { selfManagedWindow: { maxMinorsBehind: 2 } },
      calendar: { kubernetes: [{ minor: '1.31', endOfLife: '2026-10-28' }] },
    });
    expect(settings.policy.selfManagedWindow).toEqual({
      ...DEFAULT_POLICY_CONFIG.selfManagedWindow,
      maxMinorsBehind: 2,
    });
    expect(settings.calendarOverrides).toEqual({
      kubernetes: [{ minor: '1.31', endOfLife: '2026-10-28' }],
    });
  });

  it.each([
    [
      'a negative number',
      { policy: { managedSkew: { maxMinorsBehind: -1 } } },
      'Invalid config nkp.policy: nkp.policy.managedSkew.maxMinorsBehind: Number must be greater than or equal to 0',
    ],
    [
      'a list item of the wrong type',
      { policy: { upgradePlans: { reminderOffsetsDays: [7, 'soon'] } } },
      'Invalid config nkp.policy: nkp.policy.upgradePlans.reminderOffsetsDays[1]: Expected number, received string',
    ],
    [
      'a section that is not an object',
      { policy: 'strict' },
      'Invalid config nkp.policy: nkp.policy: Expected object, received string',
    ],
    [
      'a calendar entry',
      { calendar: { nkp: [{ minor: 2.17 }] } },
      'Invalid config nkp.calendar: nkp.calendar.nkp[0].minor: Expected string, received number',
    ],
    [
      'every problem at once',
      {
        policy: {
          exceptions: { maxDays: 0 },
          upstreamEol: { endOfSupport: 'whenever' },
        },
      },
      /^Invalid config nkp.policy: nkp.policy.upstreamEol.endOfSupport: .*; nkp.policy.exceptions.maxDays: /,
    ],
  ])('rejects %s, naming the key', (_, input, message) => {
    const parse = () => parsePolicySettings(input);
    expect(parse).toThrow(PolicyInputError);
    expect(parse).toThrow(message);
  });

  it('names the keys under another root', () => {
    expect(() =>
      parsePolicySettings({ policy: { exceptions: { maxDays: 0 } } }, 'lab'),
    ).toThrow('Invalid config lab.policy: lab.policy.exceptions.maxDays:');
  });
});

describe('parsePolicyInput', () => {
  const plan = {
    id: 'p1',
    title: 'NKP 2.17',
    targetVersion: '2.17',
    announcedAt: '2026-03-01',
    scope: { kind: 'fleet' },
  };

  it.each([
    [
      'a bad value',
      [{ ...plan, targetVersion: 'latest' }],
      'Invalid plans.yaml: [0].targetVersion: must be an NKP version such as 2.17 or 2.17.1',
    ],
    [
      'a missing field of a later item',
      [plan, { ...plan, scope: { kind: 'workspace' } }],
      'Invalid plans.yaml: [1].scope.name: Required',
    ],
    [
      'an object instead of a list',
      { plans: [plan] },
      'Invalid plans.yaml: Expected array, received object',
    ],
  ])('names the field of %s', (_, input, message) => {
    expect(() =>
      parsePolicyInput(upgradePlanSchema.array(), input, 'plans.yaml'),
    ).toThrow(message);
  });

  it('returns the parsed value', () => {
    expect(
      parsePolicyInput(upgradePlanSchema.array(), [plan], 'plans.yaml'),
    ).toEqual([plan]);
  });
});
