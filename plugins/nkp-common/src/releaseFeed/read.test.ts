import { readReleaseFeed, ReleaseFeedIo } from './read';
import { ReleaseFeedSource } from './types';

// The HTTP side is tested against msw in the backend; here the I/O is a stand-in.
const url: ReleaseFeedSource = {
  product: 'kubernetes',
  location: {
    url: 'https://user:secret@eol.example/api/kubernetes.json?token=t',
  },
};
const file: ReleaseFeedSource = {
  product: 'nkp',
  location: { file: '/mirror/nkp.json' },
};
const good = JSON.stringify([{ cycle: '2.18', releaseDate: '2026-06-01' }]);

function io(overrides: Partial<ReleaseFeedIo>): ReleaseFeedIo {
  return {
    fetch: jest.fn(async () => {
      throw new Error('unexpected fetch');
    }),
    readFile: jest.fn(async () => {
      throw new Error('unexpected readFile');
    }),
    ...overrides,
  };
}
const options = { timeoutSeconds: 2 };
describe('readReleaseFeed', () => {
  it('reads a file', async () => {
    const readFile = jest.fn(async () => good);
    expect(await readReleaseFeed(file, io({ readFile }), options)).toEqual({
      ok: true,
      source: file,
      data: {
        releases: { nkp: [{ minor: '2.18', releaseDate: '2026-06-01' }] },
        warnings: [],
      },
    });
    expect(readFile).toHaveBeenCalledWith('/mirror/nkp.json');
  });

  it.each([
    [
      'an HTTP error, without the credentials of the URL',
      io({
        fetch: async () => ({
          ok: false,
          status: 503,
          statusText: 'Service Unavailable',
          text: async () => '',
        }),
      }),
      url,
      'HTTP 503 Service Unavailable from https://eol.example/api/kubernetes.json',
    ],
    [
      'a timeout',
      io({
        fetch: async () => {
          throw Object.assign(new Error('aborted'), { name: 'TimeoutError' });
        },
      }),
      url,
      'no answer within 2 s',
    ],
    [
      'an unreachable host',
      io({
        fetch: async () => {
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('getaddrinfo'), {
              code: 'ENOTFOUND',
            }),
          });
        },
      }),
      url,
      'fetch failed (ENOTFOUND)',
    ],
    [
      'a missing file',
      io({
        readFile: async () => {
          throw new Error(
            "ENOENT: no such file or directory, open '/mirror/nkp.json'",
          );
        },
      }),
      file,
      "ENOENT: no such file or directory, open '/mirror/nkp.json'",
    ],
    [
      'a body that is not JSON',
      io({ readFile: async () => '<html>maintenance</html>' }),
      file,
      expect.stringMatching(/^not JSON: Unexpected token/),
    ],
    [
      'JSON that is not a feed',
      io({ readFile: async () => '{"error":"rate limited"}' }),
      file,
      expect.stringMatching(/^expected a JSON array of release cycles/),
    ],
  ])('reports %s as a failed read', async (_, fakeIo, source, error) => {
    const result = await readReleaseFeed(source, fakeIo, options);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error).toEqual(error);
  });
});
