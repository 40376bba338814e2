import { buildReleaseCalendar } from './merge';
import {
  releaseCalendarOverridesSchema,
  servedNkpReleaseSchema,
} from './schema';

describe('shipped release calendar', () => {
  const calendar = buildReleaseCalendar();

  it('has Kubernetes 1.28–1.36 and NKP 2.8, 2.12–2.17', () => {
    expect(Object.keys(calendar.kubernetes).sort()).toEqual([
      '1.28',
      '1.29',
      '1.30',
      '1.31',
      '1.32',
      '1.33',
      '1.34',
      '1.35',
      '1.36',
    ]);
    expect(Object.keys(calendar.nkp).sort()).toEqual([
      '2.12',
      '2.13',
      '2.14',
      '2.15',
      '2.16',
      '2.17',
      '2.8',
    ]);
    expect(calendar.warnings).toEqual([]);
  });

  it('gives every date a source', () => {
    const facts = [
      ...Object.values(calendar.kubernetes).flatMap(k => [
        k.releaseDate,
        k.endOfStandardSupport,
        k.endOfLife,
      ]),
      ...Object.values(calendar.nkp).map(n => n.releaseDate),
    ];
    for (const fact of facts) {
      expect(fact).toEqual(
        expect.objectContaining({
          date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
          source: expect.any(String),
        }),
      );
    }
  });

  it.each([
    ['1.34', 'endOfLife', '2026-10-27', undefined],
    ['1.31', 'endOfLife', '2025-11-11', undefined],
    ['1.36', 'endOfStandardSupport', '2027-04-28', true],
  ] as const)(
    'Kubernetes %s %s is %s (inferred: %p)',
    (minor, field, date, inferred) => {
      expect(calendar.kubernetes[minor][field]).toMatchObject({ date });
      expect(calendar.kubernetes[minor][field]?.inferred).toBe(inferred);
    },
  );

  it.each([
    ['2.17', '1.34', '2025-12-23'],
    ['2.14', '1.31', '2025-03-04'],
    ['2.8', '1.28', '2024-05-22'],
  ])(
    'NKP %s ships Kubernetes %s, tagged %s (inferred GA)',
    (minor, k8s, date) => {
      expect(calendar.nkp[minor]).toMatchObject({
        kubernetesMinors: [k8s],
        releaseDate: { date, inferred: true },
      });
    },
  );
});

describe('buildReleaseCalendar layers', () => {
  it('lets app-config override one field and keep the rest', () => {
    const calendar = buildReleaseCalendar({
      overrides: { kubernetes: [{ minor: '1.34', endOfLife: '2026-12-31' }] },
    });
    expect(calendar.kubernetes['1.34'].endOfLife).toEqual({
      date: '2026-12-31',
      source: 'app-config',
    });
    expect(calendar.kubernetes['1.34'].releaseDate?.date).toBe('2025-08-27');
  });

  it('lets app-config add versions, with their own source', () => {
    const calendar = buildReleaseCalendar({
      overrides: {
        kubernetes: [
          {
            minor: '1.37',
            releaseDate: { date: '2026-08-26', source: 'kubernetes.io blog' },
          },
        ],
        nkp: [
          {
            minor: '2.18',
            kubernetesMinors: ['1.35'],
            releaseDate: '2026-06-01',
            endOfLife: '2027-06-01',
          },
        ],
      },
    });
    expect(calendar.kubernetes['1.37'].releaseDate).toEqual({
      date: '2026-08-26',
      source: 'kubernetes.io blog',
    });
    expect(calendar.nkp['2.18']).toMatchObject({
      kubernetesMinors: ['1.35'],
      kubernetesSource: 'app-config',
      endOfLife: { date: '2027-06-01', source: 'app-config' },
    });
  });

  it('layers shipped < feed < app-config < served, each date keeping its source', () => {
    const feed =
      'release feed https://endoflife.date/api/kubernetes.json, read 2026-09-01';
    const nkpFeed = 'release feed /mirror/nkp.json, read 2026-09-01';
    const calendar = buildReleaseCalendar({
      feeds: [
        {
          source: feed,
          releases: {
            kubernetes: [
              // Corrects one shipped date, keeps the others
              { minor: '1.34', endOfLife: '2026-10-28' },
              {
                minor: '1.37',
                releaseDate: '2026-08-26',
                endOfLife: '2027-10-28',
              },
              { minor: '1.35', endOfLife: '2027-02-28' },
            ],
          },
        },
        {
          source: nkpFeed,
          releases: {
            nkp: [
              {
                minor: '2.18',
                kubernetesMinors: ['1.35'],
                releaseDate: '2026-06-01',
              },
              { minor: '2.17', endOfLife: '2027-01-31' },
            ],
          },
        },
      ],
      overrides: { kubernetes: [{ minor: '1.35', endOfLife: '2027-03-15' }] },
      served: [{ version: '2.17.1', endOfLifeDate: '2027-02-15' }],
    });
    expect(calendar.warnings).toEqual([]);
    expect(calendar.kubernetes['1.34']).toMatchObject({
      releaseDate: {
        date: '2025-08-27',
        source: expect.stringMatching(/^endoflife-date/),
      },
      endOfLife: { date: '2026-10-28', source: feed },
    });
    expect(calendar.kubernetes['1.37']).toEqual({
      minor: '1.37',
      releaseDate: { date: '2026-08-26', source: feed },
      endOfLife: { date: '2027-10-28', source: feed },
    });
    // app-config wins over the feed
    expect(calendar.kubernetes['1.35'].endOfLife).toEqual({
      date: '2027-03-15',
      source: 'app-config',
    });
    expect(calendar.nkp['2.18']).toEqual({
      minor: '2.18',
      kubernetesMinors: ['1.35'],
      kubernetesSource: nkpFeed,
      releaseDate: { date: '2026-06-01', source: nkpFeed },
    });
    // served Release objects win over the feed; the shipped mapping stays
    expect(calendar.nkp['2.17']).toMatchObject({
      kubernetesMinors: ['1.34'],
      kubernetesSource: expect.stringMatching(/upgrade-matrix/),
      endOfLife: { date: '2027-02-15', source: 'NKP Release 2.17.1' },
    });
  });

  it('lets served NKP Release objects win over app-config and shipped data', () => {
    const calendar = buildReleaseCalendar({
      overrides: {
        nkp: [
          { minor: '2.17', endOfLife: '2026-12-01', releaseDate: '2025-12-20' },
        ],
      },
      served: [
        {
          version: '2.17.0',
          supportedKubernetesVersions: ['v1.34.1', '1.33.5'],
          releaseDate: '2025-12-22T10:00:00Z',
          endOfLifeDate: '2027-01-15',
        },
        {
          version: '2.17.1',
          supportedKubernetesVersions: ['v1.34.3'],
          releaseDate: '2026-03-11',
          endOfLifeDate: '2027-02-15',
        },
      ],
    });
    expect(calendar.nkp['2.17']).toMatchObject({
      kubernetesMinors: ['1.33', '1.34'],
      kubernetesSource: 'NKP Release 2.17.0',
      // The minor was released with its first patch and lives until its last one's end of life.
      releaseDate: { date: '2025-12-22', source: 'NKP Release 2.17.0' },
      endOfLife: { date: '2027-02-15', source: 'NKP Release 2.17.1' },
    });
  });

  it('keeps the lower layer where a served Release leaves a field out', () => {
    const calendar = buildReleaseCalendar({ served: [{ version: '2.16.1' }] });
    expect(calendar.nkp['2.16']).toEqual(buildReleaseCalendar().nkp['2.16']);
  });

  it.each([
    [
      {
        overrides: {
          kubernetes: [{ minor: 'latest', endOfLife: '2026-01-01' }],
        },
      },
      /'latest' skipped/,
    ],
    [
      {
        overrides: { kubernetes: [{ minor: '1.34', endOfLife: '31/12/2026' }] },
      },
      /not an ISO date/,
    ],
    [
      { served: [{ version: 'v2', releaseDate: '2026-01-01' }] },
      /'v2' skipped/,
    ],
    [
      {
        served: [
          {
            version: '2.18.0',
            supportedKubernetesVersions: ['one-thirty-five'],
          },
        ],
      },
      /'one-thirty-five' skipped/,
    ],
  ])(
    'skips bad input with a warning instead of throwing (%#)',
    (layers, warning) => {
      const calendar = buildReleaseCalendar(layers);
      expect(calendar.warnings).toEqual([expect.stringMatching(warning)]);
      expect(calendar.kubernetes['1.34'].endOfLife?.date).toBe('2026-10-27');
    },
  );

  it('validates app-config and served input shapes', () => {
    expect(
      releaseCalendarOverridesSchema.safeParse({
        nkp: [{ minor: '2.18', kubernetesMinors: ['1.35'] }],
      }).success,
    ).toBe(true);
    expect(
      releaseCalendarOverridesSchema.safeParse({
        nkp: [{ kubernetesMinors: '1.35' }],
      }).success,
    ).toBe(false);
    expect(
      servedNkpReleaseSchema.safeParse({
        version: '2.17.1',
        supportedKubernetesVersions: ['1.34.3'],
      }).success,
    ).toBe(true);
  });
});
