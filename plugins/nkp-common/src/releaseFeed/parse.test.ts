import { parseReleaseFeed } from './parse';

// The shape of https://endoflife.date/api/kubernetes.json (newest first).
const kubernetesFeed = [
  {
    cycle: '1.37',
    releaseDate: '2026-08-26',
    support: '2027-08-28',
    eol: '2027-10-28',
    latest: '1.37.0',
    latestReleaseDate: '2026-08-26',
    lts: false,
  },
  {
    cycle: '1.36',
    releaseDate: '2026-04-22',
    support: '2027-04-28',
    eol: '2027-06-28',
    latest: '1.36.3',
  },
  { cycle: '1.35', releaseDate: '2025-12-17', support: true, eol: false },
];

describe('parseReleaseFeed', () => {
  it('reads an endoflife.date Kubernetes feed: support is the end of standard support, eol the end of life', () => {
    expect(parseReleaseFeed('kubernetes', kubernetesFeed)).toEqual({
      releases: {
        kubernetes: [
          {
            minor: '1.37',
            releaseDate: '2026-08-26',
            endOfStandardSupport: '2027-08-28',
            endOfLife: '2027-10-28',
          },
          {
            minor: '1.36',
            releaseDate: '2026-04-22',
            endOfStandardSupport: '2027-04-28',
            endOfLife: '2027-06-28',
          },
          // Booleans say whether, not when: no date
          { minor: '1.35', releaseDate: '2025-12-17' },
        ],
      },
      warnings: [],
    });
  });

  it.each([
    [
      [
        {
          cycle: '2.18',
          releaseDate: '2026-06-01',
          eol: '2027-06-01',
          supportedKubernetesVersions: ['v1.35.1', '1.34.4'],
        },
      ],
      {
        minor: '2.18',
        kubernetesMinors: ['1.35', '1.34'],
        releaseDate: '2026-06-01',
        endOfLife: '2027-06-01',
      },
    ],
    [
      [{ cycle: '2.18', supportedKubernetesVersions: '1.33 - 1.35' }],
      { minor: '2.18', kubernetesMinors: ['1.33', '1.34', '1.35'] },
    ],
    [
      [{ cycle: '2.18', supportedKubernetesVersions: '1.34, 1.35' }],
      { minor: '2.18', kubernetesMinors: ['1.34', '1.35'] },
    ],
    [
      [{ cycle: 'v2.18', releaseDate: '2026-06-01T10:00:00Z' }],
      { minor: '2.18', releaseDate: '2026-06-01' },
    ],
  ])('reads an NKP feed with its Kubernetes minors (%#)', (feed, entry) => {
    expect(parseReleaseFeed('nkp', feed)).toEqual({
      releases: { nkp: [entry] },
      warnings: [],
    });
  });

  it.each([
    [
      { cycle: 1.3, eol: '2026-01-01' },
      'entry [1] skipped: cycle must be a string such as "1.34", got number 1.3',
    ],
    [
      { cycle: 'latest' },
      'entry [1] skipped: cycle "latest" is not a version such as 1.34',
    ],
    [
      { cycle: '22', eol: '2027-04-30' },
      'entry [1] skipped: cycle "22" is not a version such as 1.34',
    ],
    [
      { cycle: '2.17' },
      'entry [1] skipped: cycle "2.17" is not a Kubernetes version',
    ],
    [
      { cycle: '1.34', eol: '31/12/2026' },
      'entry [1] skipped: cycle 1.34: eol "31/12/2026" is not an ISO date',
    ],
    [
      { cycle: '1.34', eol: 20261027 },
      'entry [1] skipped: cycle 1.34: eol number 20261027 is not an ISO date',
    ],
    [
      { cycle: '1.34', releaseDate: '2026-08-27', eol: '2025-10-27' },
      'entry [1] skipped: cycle 1.34 ends before it was released',
    ],
    [
      { cycle: '1.34', support: '2026-12-01', eol: '2026-10-27' },
      'entry [1] skipped: cycle 1.34: eol 2026-10-27 is before the end of support 2026-12-01',
    ],
    [
      { cycle: '1.36', eol: '2030-01-01' },
      'entry [1] skipped: cycle 1.36 is listed twice; the first is used',
    ],
    ['1.34', 'entry [1] skipped: expected an object, got "1.34"'],
  ])('skips a nonsensical entry and keeps the rest: %j', (bad, warning) => {
    const data = parseReleaseFeed('kubernetes', [kubernetesFeed[1], bad]);
    expect(data.releases.kubernetes?.map(k => k.minor)).toEqual(['1.36']);
    expect(data.warnings).toEqual([warning]);
  });

  it('skips NKP entries whose Kubernetes minors cannot be read', () => {
    const data = parseReleaseFeed('nkp', [
      { cycle: '2.17' },
      { cycle: '2.18', supportedKubernetesVersions: '1.35 - 1.33' },
      { cycle: '1.34' },
    ]);
    expect(data.releases.nkp).toEqual([{ minor: '2.17' }]);
    expect(data.warnings).toEqual([
      'entry [1] skipped: cycle 2.18: supportedKubernetesVersions must be a list of versions, "1.33, 1.34" or "1.32 - 1.34"',
      'entry [2] skipped: cycle "1.34" is not an NKP version',
    ]);
  });

  it.each([
    [{ cycles: [] }, /expected a JSON array of release cycles .*got an object/],
    ['kubernetes', /got "kubernetes"/],
    [[], /lists no release cycles/],
    [
      [{ cycle: 'x' }, { cycle: '3.0' }],
      /none of its 2 entries is usable: entry \[0\] skipped: cycle "x"/,
    ],
  ])('refuses a feed with nothing usable (%#)', (body, error) => {
    expect(() => parseReleaseFeed('kubernetes', body)).toThrow(error);
  });
});
