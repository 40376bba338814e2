import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 1000, maxMs: 30_000 };

  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [6, 30_000],
    [50, 30_000],
  ])('attempt %i waits at most %i ms', (attempt, ceiling) => {
    expect(backoffDelay(attempt, options, () => 1)).toBe(ceiling);
    expect(backoffDelay(attempt, options, () => 0)).toBe(ceiling / 2);
  });
});
