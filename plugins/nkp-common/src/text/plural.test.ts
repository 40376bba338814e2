import { plural } from './plural';

describe('plural', () => {
  it.each([
    [0, 'minor', undefined, '0 minors'],
    [1, 'minor', undefined, '1 minor'],
    [2, 'minor', undefined, '2 minors'],
    [-1, 'day', undefined, '-1 day'],
    [1, 'entry', 'entries', '1 entry'],
    [3, 'entry', 'entries', '3 entries'],
  ])('%i %s → %s', (count, singular, pluralForm, expected) => {
    expect(plural(count, singular, pluralForm)).toBe(expected);
  });
});
