import { ClusterLabelIndex } from './ClusterLabelIndex';

describe('ClusterLabelIndex', () => {
  const index = new ClusterLabelIndex();
  index.add('prod-a', { env: 'prod', tier: 'web', pci: 'true' });
  index.add('prod-b', { env: 'prod', tier: 'db' });
  index.add('dev-a', { env: 'dev', tier: 'web' });
  index.add('bare', {}, ['host-cluster']);

  it.each([
    ['matchLabels', { matchLabels: { env: 'prod' } }, ['prod-a', 'prod-b']],
    [
      'two matchLabels (AND)',
      { matchLabels: { env: 'prod', tier: 'web' } },
      ['prod-a'],
    ],
    ['matchLabels with no match', { matchLabels: { env: 'qa' } }, []],
    [
      'In',
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['web', 'db'] },
        ],
      },
      ['dev-a', 'prod-a', 'prod-b'],
    ],
    [
      'NotIn also matches clusters without the key',
      {
        matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }],
      },
      ['bare', 'dev-a'],
    ],
    [
      'Exists',
      { matchExpressions: [{ key: 'pci', operator: 'Exists' }] },
      ['prod-a'],
    ],
    [
      'DoesNotExist',
      { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
      ['bare'],
    ],
    [
      'matchLabels AND matchExpressions',
      {
        matchLabels: { tier: 'web' },
        matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }],
      },
      ['prod-a'],
    ],
    [
      'the same set twice (matchLabels and In on one label)',
      {
        matchLabels: { env: 'prod' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod'] },
          { key: 'tier', operator: 'In', values: ['db'] },
        ],
      },
      ['prod-b'],
    ],
    [
      'empty selector selects everything',
      {},
      ['bare', 'dev-a', 'prod-a', 'prod-b'],
    ],
  ])('selects by %s', (_, selector, expected) => {
    expect(index.select(selector)).toEqual({ clusters: expected });
  });

  it.each([
    [
      'an unknown operator',
      { matchExpressions: [{ key: 'env', operator: 'Like', values: ['p'] }] },
      'unknown operator "Like" on "env"',
    ],
    [
      'In without values',
      { matchExpressions: [{ key: 'env', operator: 'In', values: [] }] },
      'operator In on "env" needs values',
    ],
    [
      'an expression without key',
      { matchExpressions: [{ operator: 'Exists' }] },
      'a matchExpression has no key or operator',
    ],
    [
      'a selector that is not an object',
      'env=prod',
      'clusterSelector is not an object',
    ],
  ])('selects nothing for %s and says why', (_, selector, error) => {
    expect(index.select(selector)).toEqual({ clusters: [], error });
  });

  it('resolves placement names, including aliases', () => {
    expect(index.resolve('prod-a')).toBe('prod-a');
    expect(index.resolve('host-cluster')).toBe('bare');
    expect(index.resolve('nope')).toBeUndefined();
  });

  it('keeps one label of one cluster as that cluster until a second one has it too', () => {
    const small = new ClusterLabelIndex();
    small.add('a', { env: 'prod', name: 'a' });
    small.add('a', { env: 'prod', name: 'a' });
    const prod = { matchLabels: { env: 'prod' } };
    expect(small.select(prod)).toEqual({ clusters: ['a'] });
    small.add('b', { env: 'prod', name: 'b' });
    expect(small.select(prod)).toEqual({ clusters: ['a', 'b'] });
    expect(
      small.select({
        matchExpressions: [{ key: 'name', operator: 'In', values: ['b'] }],
      }),
    ).toEqual({ clusters: ['b'] });
  });

  it('indexes a key only from labels the clusters have themselves', () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      expect(
        index.select({ matchExpressions: [{ key, operator: 'Exists' }] }),
      ).toEqual({ clusters: [] });
      expect(index.select({ matchLabels: { [key]: 'x' } })).toEqual({
        clusters: [],
      });
    }
  });
});
