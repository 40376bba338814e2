import { parseReleaseFeedSettings } from './config';

describe('parseReleaseFeedSettings', () => {
  it('reads no feed when none is configured', () => {
    expect(parseReleaseFeedSettings(undefined)).toBeUndefined();
  });

  it('reads Kubernetes from endoflife.date by default, twice a day', () => {
    expect(parseReleaseFeedSettings({})).toEqual({
      sources: [
        {
          product: 'kubernetes',
          location: { url: 'https://endoflife.date/api/kubernetes.json' },
        },
      ],
      refreshIntervalMinutes: 720,
      timeoutSeconds: 30,
    });
  });

  it.each([
    [
      'a mirror of the whole API',
      { baseUrl: 'https://eol.mirror.example/api/', nkp: { product: 'nkp' } },
      [
        { url: 'https://eol.mirror.example/api/kubernetes.json' },
        { url: 'https://eol.mirror.example/api/nkp.json' },
      ],
    ],
    [
      'files (air-gapped)',
      {
        kubernetes: { file: '/mirror/kubernetes.json' },
        nkp: { file: 'feeds/nkp.json' },
      },
      [{ file: '/mirror/kubernetes.json' }, { file: 'feeds/nkp.json' }],
    ],
    [
      'a URL per product',
      {
        kubernetes: { url: 'https://a.example/k8s.json' },
        nkp: { url: 'https://b.example/nkp-releases.json' },
      },
      [
        { url: 'https://a.example/k8s.json' },
        { url: 'https://b.example/nkp-releases.json' },
      ],
    ],
    [
      'NKP only',
      { kubernetes: { enabled: false }, nkp: { file: 'nkp.json' } },
      [{ file: 'nkp.json' }],
    ],
  ])('resolves %s', (_, input, locations) => {
    expect(
      parseReleaseFeedSettings(input)!.sources.map(s => s.location),
    ).toEqual(locations);
  });

  it.each([
    [{ nkp: {} }, 'nkp.calendar.feed.nkp: give a url, a file or a product'],
    [
      { kubernetes: { url: 'ftp://mirror/k.json' } },
      'nkp.calendar.feed.kubernetes.url: must be an http(s) URL',
    ],
    [
      { kubernetes: { url: 'https://a/k.json', file: 'k.json' } },
      'nkp.calendar.feed.kubernetes: give either url or file, not both',
    ],
    [
      { refreshIntervalMinutes: 1 },
      'nkp.calendar.feed.refreshIntervalMinutes: Number must be greater than or equal to 5',
    ],
    [{ kubernets: {} }, "Unrecognized key(s) in object: 'kubernets'"],
  ])('refuses %j naming the key', (input, message) => {
    expect(() => parseReleaseFeedSettings(input)).toThrow(message);
  });
});
