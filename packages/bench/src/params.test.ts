import { applyOverrides, formatParams } from './params';

describe('applyOverrides', () => {
  const params = { sizes: [1000, 10_000], seconds: 10 };

  it.each([
    [[], params],
    [['seconds=3'], { sizes: [1000, 10_000], seconds: 3 }],
    [['sizes=5000'], { sizes: [5000], seconds: 10 }],
    [
      ['sizes=100_000, 200000', 'seconds=1.5'],
      { sizes: [100_000, 200_000], seconds: 1.5 },
    ],
    [['seconds=3', 'seconds=4'], { sizes: [1000, 10_000], seconds: 4 }],
  ])('%j → %j', (settings, expected) => {
    expect(applyOverrides(params, settings)).toEqual(expected);
  });

  it.each([
    ['clusters=5', /expected name=value with name one of sizes, seconds/],
    ['seconds', /expected name=value/],
    ['seconds=fast', /seconds must be a positive number/],
    ['seconds=1,2', /seconds must be a positive number/],
    ['seconds=0', /seconds must be a positive number/],
    ['sizes=1,-2', /sizes must be a comma-separated list of positive numbers/],
  ])('rejects --set %s', (setting, message) => {
    expect(() => applyOverrides(params, [setting])).toThrow(message);
  });

  it('leaves the given parameters alone', () => {
    applyOverrides(params, ['seconds=1']);
    expect(params.seconds).toBe(10);
  });
});

describe('formatParams', () => {
  it('prints parameters as --set takes them', () => {
    expect(formatParams({ sizes: [1000, 10_000], seconds: 10 })).toBe(
      'sizes=1000,10000 seconds=10',
    );
  });
});
