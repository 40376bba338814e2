import { InvalidArgumentError } from 'commander';
import { collect, parseFailOn, parseNow } from './options';

describe('parseNow', () => {
  it.each([
    ['2026-11-21'],
    ['2026-11-21T08:00:00Z'],
    ['2026-11-21T23:30:00+02:00'],
    ['2028-02-29'],
  ])('accepts %s', value => {
    expect(parseNow(value)).toBe(value);
  });

  it.each([
    ['today'],
    ['21.11.2026'],
    ['2026-02-30'],
    ['2027-02-29'],
    ['2026-13-01'],
    ['2026-11-21 08:00'],
    [''],
  ])('rejects %p', value => {
    expect(() => parseNow(value)).toThrow(InvalidArgumentError);
  });
});

describe('parseFailOn', () => {
  it.each([
    ['unsupported', undefined, ['unsupported']],
    ['overdue,unsupported', undefined, ['overdue', 'unsupported']],
    [' overdue , upgrade-due ', undefined, ['overdue', 'upgrade-due']],
    ['unknown', ['overdue'], ['overdue', 'unknown']],
    ['overdue', ['overdue'], ['overdue']],
  ] as const)('reads %p after %p as %p', (value, previous, expected) => {
    expect(parseFailOn(value, previous ? [...previous] : undefined)).toEqual(
      expected,
    );
  });

  it.each([
    ['compliant', /got "compliant"/],
    ['overdue,late', /got "late"/],
    [
      '',
      /expected a comma-separated list of upgrade-due, unknown, overdue, unsupported/,
    ],
    [',', /expected a comma-separated list/],
  ])('rejects %p', (value, message) => {
    expect(() => parseFailOn(value)).toThrow(InvalidArgumentError);
    expect(() => parseFailOn(value)).toThrow(message);
  });
});

describe('collect', () => {
  it('keeps repeated values in order', () => {
    expect(collect('b.yaml', collect('a.yaml'))).toEqual(['a.yaml', 'b.yaml']);
  });
});
