import { isIpv4, problemsByField } from './fieldChecks';

describe('fieldChecks', () => {
  it.each([
    ['10.0.0.10', true],
    ['192.168.255.255', true],
    ['0.0.0.0', true],
    ['10.0.0.256', false],
    ['10.0.0', false],
    ['010.0.0.1', false],
    ['10.0.0.1\n', false],
    [' 10.0.0.1', false],
    ['fe80::1', false],
    ['10.0.0.1/24', false],
  ])('reads %j as IPv4: %s', (value, expected) => {
    expect(isIpv4(value)).toBe(expected);
  });

  it('keeps the first problem of each field', () => {
    expect(
      problemsByField([
        { field: 'size.workers', message: 'first' },
        { field: 'size.workers', message: 'second' },
        { field: 'size.vcpus', message: 'third' },
      ]),
    ).toEqual({ 'size.workers': 'first', 'size.vcpus': 'third' });
  });
});
