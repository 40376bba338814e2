import { checkShrink } from './checkShrink';

describe('checkShrink', () => {
  it.each([
    // next, previous, max, refused?
    [10, undefined, 50, false],
    [10, 10, 50, false],
    [5, 10, 50, false],
    [4, 10, 50, true],
    [9, 10, 0, true],
    [1, 10, 100, false],
    [20, 10, 50, false],
    [0, 10, 100, true],
    [0, undefined, 50, true],
    [0, 0, 50, false],
  ])(
    'next %p after %p with maxShrinkPercent %p → refused: %p',
    (next, previous, maxShrinkPercent, refused) => {
      expect(Boolean(checkShrink({ next, previous, maxShrinkPercent }))).toBe(
        refused,
      );
    },
  );

  it('explains a refusal', () => {
    expect(checkShrink({ next: 3, previous: 12, maxShrinkPercent: 50 })).toBe(
      'the result shrank by 75% (from 12 to 3 entities), more than maxShrinkPercent 50%',
    );
  });
});
