import {
  isApiServerAllowed,
  parseApiServerPattern,
  parseApiServerPatterns,
} from './apiServerAllowList';

describe('parseApiServerPattern', () => {
  it.each`
    pattern                      | parsed
    ${'api.acme.example'}        | ${{ kind: 'name', name: 'api.acme.example' }}
    ${'API.Acme.Example'}        | ${{ kind: 'name', name: 'api.acme.example' }}
    ${'*.clusters.acme.example'} | ${{ kind: 'below', domain: 'clusters.acme.example' }}
  `('reads $pattern', ({ pattern, parsed }) => {
    expect(parseApiServerPattern(pattern)).toEqual(parsed);
  });

  it.each(['10.42.0.10', '10.42.0.0/16', 'fd00::10', '[fd00::10]', 'fd00::/8'])(
    'reads %s as an address range',
    pattern => {
      expect(parseApiServerPattern(pattern)).toMatchObject({ kind: 'range' });
    },
  );

  it.each([
    ['*', 'is not a host name'],
    ['*.', 'is not a host name'],
    ['api.*.example', 'is not a host name'],
    ['https://api.acme.example', 'is not a host name'],
    ['api.acme.example:6443', 'is not a host name'],
    ['10.42.0.0/33', 'is not a CIDR range'],
    ['10.42/16', 'is not a host name'],
    ['::ffff:10.0.0.0/104', 'is not a CIDR range'],
    ['167772161', 'is not a host name'],
    ['', 'is not a host name'],
  ])('refuses %j: %s', (pattern, message) => {
    expect(parseApiServerPattern(pattern)).toEqual({
      error: expect.stringContaining(message),
    });
  });
});

describe('isApiServerAllowed', () => {
  const allowed = parseApiServerPatterns([
    'api.acme.example',
    '*.clusters.acme.example',
    '10.42.0.0/16',
    '172.21.8.10',
    'fd00:42::/32',
  ]);

  it.each`
    host                               | expected | why
    ${'api.acme.example'}              | ${true}  | ${'a listed name'}
    ${'API.ACME.EXAMPLE.'}             | ${true}  | ${'names are case-insensitive, a trailing dot is the same name'}
    ${'prod.clusters.acme.example'}    | ${true}  | ${'a name below a wildcard domain'}
    ${'a.b.clusters.acme.example'}     | ${true}  | ${'a wildcard covers every depth below its domain'}
    ${'clusters.acme.example'}         | ${false} | ${'a wildcard does not cover its domain itself'}
    ${'evilclusters.acme.example'}     | ${false} | ${'a suffix that is not a label boundary'}
    ${'api.acme.example.evil.example'} | ${false} | ${'a listed name as a prefix'}
    ${'10.42.3.4'}                     | ${true}  | ${'an address in a listed range'}
    ${'::ffff:10.42.3.4'}              | ${true}  | ${'the same address, IPv4-mapped'}
    ${'172.21.8.10'}                   | ${true}  | ${'a listed address'}
    ${'172.21.8.11'}                   | ${false} | ${'the next address'}
    ${'10.43.0.1'}                     | ${false} | ${'a private address outside the ranges'}
    ${'127.0.0.1'}                     | ${false} | ${'loopback, not listed'}
    ${'169.254.169.254'}               | ${false} | ${'the cloud metadata address, not listed'}
    ${'fd00:42::1'}                    | ${true}  | ${'an IPv6 address in a listed range'}
    ${'[fd00:42::1]'}                  | ${true}  | ${'the same, bracketed'}
    ${'fd00:43::1'}                    | ${false} | ${'an IPv6 address outside'}
    ${'localhost'}                     | ${false} | ${'localhost, not listed'}
    ${'0x0a.0.0.1'}                    | ${false} | ${'an address written in hex is neither a name nor a plain address'}
    ${'167772161'}                     | ${false} | ${'an address written as one number'}
  `('$host → $expected ($why)', ({ host, expected }) => {
    expect(isApiServerAllowed(host, allowed)).toBe(expected);
  });

  it('never lets a wildcard match an address or localhost', () => {
    const wildcard = parseApiServerPatterns(['*.localhost', '*.example']);
    expect(isApiServerAllowed('10.0.0.1', wildcard)).toBe(false);
    expect(isApiServerAllowed('api.localhost', wildcard)).toBe(false);
    expect(isApiServerAllowed('api.example', wildcard)).toBe(true);
  });

  it('allows nothing when nothing is listed', () => {
    expect(isApiServerAllowed('api.acme.example', [])).toBe(false);
    expect(isApiServerAllowed('10.42.0.10', [])).toBe(false);
  });
});
