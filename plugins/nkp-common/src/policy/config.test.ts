import {
  DEFAULT_POLICY_CONFIG,
  parsePolicyConfig,
  policyConfigSchema,
} from './config';

describe('policy config', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_POLICY_CONFIG).toEqual({
      managedSkew: {
        enabled: true,
        maxMinorsBehind: 1,
        clusterTypes: ['managed'],
      },
      selfManagedWindow: {
        enabled: true,
        maxMinorsBehind: 3,
        warningDays: 90,
        clusterTypes: ['self-managed', 'management'],
      },
      upstreamEol: {
        enabled: true,
        warningDays: 90,
        endOfSupport: 'end-of-life',
        respectNkpSupport: true,
      },
      upgradePlans: {
        enabled: true,
        windowDays: 90,
        reminderOffsetsDays: [30, 14, 7, 1],
        graceDays: 0,
      },
      exceptions: { enabled: true, maxDays: 90 },
    });
  });

  it.each([[undefined], [null], [{}]])('reads %p as the defaults', input => {
    expect(parsePolicyConfig(input)).toEqual(DEFAULT_POLICY_CONFIG);
  });

  it('overrides one key and keeps the other defaults', () => {
    const config = parsePolicyConfig({
      selfManagedWindow: { maxMinorsBehind: 2 },
      managedSkew: { enabled: false },
    });
    expect(config.selfManagedWindow).toEqual({
      ...DEFAULT_POLICY_CONFIG.selfManagedWindow,
      maxMinorsBehind: 2,
    });
    expect(config.managedSkew.enabled).toBe(false);
    expect(config.managedSkew.maxMinorsBehind).toBe(1);
  });

  it.each([
    [{ managedSkew: { maxMinorsBehind: -1 } }, 'managedSkew.maxMinorsBehind'],
    [{ upgradePlans: { windowDays: 0 } }, 'upgradePlans.windowDays'],
    [
      { upgradePlans: { reminderOffsetsDays: [7, 'soon'] } },
      'upgradePlans.reminderOffsetsDays.1',
    ],
    [{ exceptions: { maxDays: 1.5 } }, 'exceptions.maxDays'],
    [{ upstreamEol: { endOfSupport: 'whenever' } }, 'upstreamEol.endOfSupport'],
    [
      { selfManagedWindow: { clusterTypes: ['eks'] } },
      'selfManagedWindow.clusterTypes.0',
    ],
  ])('rejects %j naming %s', (input, path) => {
    const result = policyConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(path);
    expect(() => parsePolicyConfig(input)).toThrow();
  });
});
