import { sortedNames } from './sortedNames';

describe('sortedNames', () => {
  it.each([
    { names: [], sorted: [] },
    { names: ['a'], sorted: ['a'] },
    { names: ['a', 'b', 'c'], sorted: ['a', 'b', 'c'] },
    { names: ['b', 'a', 'c'], sorted: ['a', 'b', 'c'] },
    { names: ['a', 'c', 'b'], sorted: ['a', 'b', 'c'] },
    { names: ['B', 'a', 'A'], sorted: ['A', 'B', 'a'] },
    { names: ['cluster-10', 'cluster-2'], sorted: ['cluster-10', 'cluster-2'] },
  ])('$names → $sorted, as Array#sort does', ({ names, sorted }) => {
    expect(sortedNames([...names])).toEqual(sorted);
    expect(sortedNames([...names])).toEqual([...names].sort());
  });
});
