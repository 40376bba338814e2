import { entityName } from './entityName';

describe('entityName', () => {
  it.each([
    [['demo', 'acme-prod'], 'demo-acme-prod'],
    [['', 'acme-prod'], 'acme-prod'],
    [['demo', 'acme', 'storefront'], 'demo-acme-storefront'],
    [['demo', 'weird name/with:chars'], 'demo-weird-name-with-chars'],
    [['', '-leading.and.trailing-'], 'leading.and.trailing'],
  ])('%j → %s', (parts, expected) => {
    const [prefix, ...rest] = parts;
    expect(entityName(prefix, ...rest)).toBe(expected);
  });

  it('shortens long names to 63 characters, keeping them unique and stable', () => {
    const a = entityName('demo', 'a'.repeat(70));
    const b = entityName('demo', `${'a'.repeat(69)}b`);
    expect(a).toHaveLength(63);
    expect(a).toMatch(/^demo-a+-[0-9a-f]{8}$/);
    expect(b).not.toBe(a);
    expect(entityName('demo', 'a'.repeat(70))).toBe(a);
  });
});
