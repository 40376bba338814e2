import { StringPool } from './StringPool';

describe('StringPool', () => {
  it('hands back the first equal string', () => {
    const pool = new StringPool(10);
    const first = ['cluster.x-k8s.io', 'v1beta1'].join('/');
    const second = ['cluster.x-k8s.io', 'v1beta1'].join('/');
    expect(pool.share(first)).toBe(first);
    expect(pool.share(second)).toBe(first);
    expect(pool.size).toBe(1);
  });

  it.each([[undefined], [null], [42], [true], [{ name: 'a' }]])(
    'passes %p through unchanged and does not keep it',
    value => {
      const pool = new StringPool(10);
      expect(pool.share(value)).toBe(value);
      expect(pool.size).toBe(0);
    },
  );

  it('starts again once it holds max strings, so it cannot grow without end', () => {
    const pool = new StringPool(3);
    for (const value of ['a', 'b', 'c']) {
      pool.share(value);
    }
    expect(pool.size).toBe(3);
    pool.share('d');
    expect(pool.size).toBe(1);
    for (let i = 0; i < 100; i++) {
      pool.share(`unique-${i}`);
      expect(pool.size).toBeLessThanOrEqual(3);
    }
  });
});
