import { dayOf, toDay, toIsoDate } from './days';

describe('UTC days', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-03-01T23:59:59Z', '2026-03-01'],
    // 01:30 at +02:00 is 23:30 UTC on the day before.
    ['2026-03-01T01:30:00+02:00', '2026-02-28'],
    ['2026-02-28T23:30:00-02:00', '2026-03-01'],
  ])('%s is UTC day %s', (input, expected) => {
    expect(toIsoDate(toDay(input)!)).toBe(expected);
  });

  it.each([['not a date'], [''], ['2026-02-30'], [undefined]])(
    '%p is not a day',
    input => {
      expect(toDay(input)).toBeUndefined();
    },
  );

  it('counts whole days across a DST change and a leap day', () => {
    expect(toDay('2024-03-01')! - toDay('2024-02-28')!).toBe(2);
    expect(toDay('2026-03-30')! - toDay('2026-03-28')!).toBe(2);
  });

  it('takes the UTC day of a Date', () => {
    expect(toIsoDate(dayOf(new Date('2026-03-01T23:59:59.999Z'))!)).toBe(
      '2026-03-01',
    );
    expect(dayOf(new Date('nope'))).toBeUndefined();
  });
});
