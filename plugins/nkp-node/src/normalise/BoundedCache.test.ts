import { BoundedCache } from './BoundedCache';

describe('BoundedCache', () => {
  it('computes a value once per key, undefined included', () => {
    const cache = new BoundedCache<string, string | undefined>(10);
    const compute = jest.fn((key: string) =>
      key === 'bad' ? undefined : `group:default/${key}`,
    );
    for (let i = 0; i < 3; i++) {
      expect(cache.get('team-a', compute)).toBe('group:default/team-a');
      expect(cache.get('bad', compute)).toBeUndefined();
    }
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('starts again once it holds max entries', () => {
    const cache = new BoundedCache<number, number>(2);
    const compute = jest.fn((key: number) => key * 2);
    cache.get(1, compute);
    cache.get(2, compute);
    expect(cache.size).toBe(2);
    cache.get(3, compute);
    expect(cache.size).toBe(1);
    expect(cache.get(1, compute)).toBe(2);
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
