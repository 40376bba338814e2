import { median, percentile } from './stats';

describe('percentile', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    [0, 1],
    [0.5, 5],
    [0.95, 10],
    [0.99, 10],
    [1, 10],
  ])('q %p of 1..10 is %p', (q, expected) => {
    expect(percentile(values, q)).toBe(expected);
  });

  it('is NaN without values', () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('median', () => {
  it('sorts first and leaves the input alone', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
  });
});
