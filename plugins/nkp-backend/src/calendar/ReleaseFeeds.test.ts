/*
 * The release feeds against an HTTP server (msw) and a real database: a good feed becomes the
 * calendar layer, a failing, malformed or nonsensical one keeps the last good data and says so,
 * a partial one is used for what it has, and a restart without network still has the data.
 */
import {
  TestDatabases,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import {
  buildReleaseCalendar,
  parseReleaseFeedSettings,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleaseFeedStore } from '../database/ReleaseFeedStore';
import { ReleaseFeeds } from './ReleaseFeeds';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const msw = setupServer();
registerMswTestHooks(msw);
jest.setTimeout(60_000);

const KUBERNETES_URL = 'https://eol.mirror.example/api/kubernetes.json';
// The shape of https://endoflife.date/api/kubernetes.json
const goodFeed = [
  {
    cycle: '1.37',
    releaseDate: '2026-08-26',
    support: '2027-08-28',
    eol: '2027-10-28',
    latest: '1.37.1',
    latestReleaseDate: '2026-09-10',
    lts: false,
  },
  {
    cycle: '1.36',
    releaseDate: '2026-04-22',
    support: '2027-04-28',
    eol: '2027-06-28',
    latest: '1.36.4',
  },
];

let body: () => Response;
beforeEach(() => {
  body = () => HttpResponse.json(goodFeed);
  msw.use(http.get(KUBERNETES_URL, () => body()));
});

async function setUp(
  databaseId: Parameters<TestDatabases['init']>[0],
  feed: unknown = { kubernetes: { url: KUBERNETES_URL } },
) {
  const knex = await databases.init(databaseId);
  const database = { getClient: async () => knex };
  let now = new Date('2026-09-01T06:00:00.000Z');
  const logger = mockServices.logger.mock();
  const start = async () =>
    new ReleaseFeeds({
      settings: parseReleaseFeedSettings(feed),
      store: await ReleaseFeedStore.create({ database }),
      logger,
      clock: () => now,
    });
  return {
    feeds: await start(),
    restart: start,
    logger,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

const calendarOf = (layers: Awaited<ReturnType<ReleaseFeeds['current']>>) =>
  buildReleaseCalendar({ feeds: layers.layers });

describe('ReleaseFeeds', () => {
  it.each(databases.eachSupportedId())(
    'makes a good feed the calendar layer, each date citing the feed, on %p',
    async databaseId => {
      const { feeds } = await setUp(databaseId);
      expect(await feeds.current()).toEqual({
        layers: [],
        statuses: [
          {
            product: 'kubernetes',
            location: KUBERNETES_URL,
            state: 'pending',
            releases: 0,
            warnings: [],
          },
        ],
      });
      expect(await feeds.refresh()).toBe(true);
      const current = await feeds.current();
      expect(current.statuses).toEqual([
        {
          product: 'kubernetes',
          location: KUBERNETES_URL,
          state: 'ok',
          lastAttemptAt: '2026-09-01T06:00:00.000Z',
          lastSuccessAt: '2026-09-01T06:00:00.000Z',
          releases: 2,
          warnings: [],
        },
      ]);
      const source = `release feed ${KUBERNETES_URL}, read 2026-09-01`;
      expect(calendarOf(current).kubernetes['1.37']).toEqual({
        minor: '1.37',
        releaseDate: { date: '2026-08-26', source },
        endOfStandardSupport: { date: '2027-08-28', source },
        endOfLife: { date: '2027-10-28', source },
      });
    },
  );

  it.each([
    [
      'an HTTP 500',
      () =>
        new HttpResponse('boom', {
          status: 500,
          statusText: 'Internal Server Error',
        }),
      `HTTP 500 Internal Server Error from ${KUBERNETES_URL}`,
    ],
    [
      'malformed JSON',
      () =>
        new HttpResponse('[{"cycle": "1.38", "eol": ', {
          headers: { 'content-type': 'application/json' },
        }),
      expect.stringMatching(/^not JSON: /),
    ],
    [
      'JSON that is no feed',
      () => HttpResponse.json({ message: 'rate limit exceeded' }),
      expect.stringMatching(/^expected a JSON array of release cycles/),
    ],
    [
      'cycles that make no sense',
      () =>
        HttpResponse.json([
          { cycle: '1.38', releaseDate: '2027-01-01', eol: '2026-01-01' },
          { cycle: 'next' },
        ]),
      expect.stringMatching(
        /^none of its 2 entries is usable: entry \[0\] skipped: cycle 1.38 ends before it was released/,
      ),
    ],
    [
      'a network error',
      () => HttpResponse.error(),
      expect.stringMatching(/^Failed to fetch|fetch failed/),
    ],
  ])(
    'keeps the last good data after %s, and says what failed and when it last worked',
    async (_, failing, error) => {
      const { feeds, setNow, logger } = await setUp('SQLITE_3');
      await feeds.refresh();
      body = failing;
      setNow('2026-09-01T18:00:00.000Z');
      expect(await feeds.refresh()).toBe(false);

      const current = await feeds.current();
      expect(current.statuses).toEqual([
        expect.objectContaining({
          state: 'failing',
          lastAttemptAt: '2026-09-01T18:00:00.000Z',
          lastSuccessAt: '2026-09-01T06:00:00.000Z',
          error,
          releases: 2,
        }),
      ]);
      // The data of the good read stays in use
      expect(calendarOf(current).kubernetes['1.37'].endOfLife?.date).toBe(
        '2027-10-28',
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Release feed for kubernetes failed; the data of its last good read stays in use/,
        ),
        { product: 'kubernetes', location: KUBERNETES_URL },
      );
    },
  );

  it('uses what a partial feed has and lists what it skipped', async () => {
    const { feeds } = await setUp('SQLITE_3');
    body = () =>
      HttpResponse.json([
        goodFeed[0],
        { cycle: '1.36', releaseDate: '2026-04-22', eol: 'soon' },
        { latest: '1.35.9' },
      ]);
    await feeds.refresh();
    const current = await feeds.current();
    expect(current.statuses[0]).toMatchObject({
      state: 'ok',
      releases: 1,
      warnings: [
        'entry [1] skipped: cycle 1.36: eol "soon" is not an ISO date',
        'entry [2] skipped: cycle must be a string such as "1.34", got undefined undefined',
      ],
    });
    const calendar = calendarOf(current);
    expect(calendar.kubernetes['1.37']).toBeDefined();
    // Skipped cycles keep the lower layer: the shipped 1.36
    expect(calendar.kubernetes['1.36'].endOfLife?.source).toMatch(
      /^endoflife-date/,
    );
  });

  it.each(databases.eachSupportedId())(
    'starts again without network with the data it read before, on %p',
    async databaseId => {
      const { feeds, restart } = await setUp(databaseId);
      await feeds.refresh();
      body = () => HttpResponse.error();
      const afterRestart = await restart();
      await afterRestart.refresh();
      const current = await afterRestart.current();
      expect(current.statuses[0]).toMatchObject({
        state: 'failing',
        lastSuccessAt: '2026-09-01T06:00:00.000Z',
      });
      expect(calendarOf(current).kubernetes['1.37']).toBeDefined();
    },
  );

  it('reads an air-gapped mirror from a file, and says when the location changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nkp-feed-'));
    const file = join(dir, 'nkp.json');
    await writeFile(
      file,
      JSON.stringify([
        {
          cycle: '2.18',
          releaseDate: '2026-06-01',
          eol: '2027-06-01',
          supportedKubernetesVersions: ['1.34', '1.35'],
        },
      ]),
    );
    const { feeds } = await setUp('SQLITE_3', {
      kubernetes: { enabled: false },
      nkp: { file },
    });
    await feeds.refresh();
    const current = await feeds.current();
    expect(current.statuses).toEqual([
      expect.objectContaining({
        product: 'nkp',
        location: file,
        state: 'ok',
        releases: 1,
      }),
    ]);
    expect(calendarOf(current).nkp['2.18']).toMatchObject({
      kubernetesMinors: ['1.34', '1.35'],
      kubernetesSource: `release feed ${file}, read 2026-09-01`,
      endOfLife: { date: '2027-06-01' },
    });

    // Moved to another mirror that has not been read yet: the old data stays, and says whence
    const moved = new ReleaseFeeds({
      settings: parseReleaseFeedSettings({
        kubernetes: { enabled: false },
        nkp: { file: join(dir, 'elsewhere.json') },
      }),
      store: (feeds as any).options.store,
      logger: mockServices.logger.mock(),
    });
    const after = await moved.current();
    expect(after.statuses[0]).toMatchObject({
      state: 'pending',
      location: join(dir, 'elsewhere.json'),
      dataLocation: file,
      lastSuccessAt: '2026-09-01T06:00:00.000Z',
    });
    expect(calendarOf(after).nkp['2.18']).toBeDefined();
  });

  it('never shows or logs the credentials a feed URL carries', async () => {
    const secretUrl =
      'https://reader:s3cret@eol.mirror.example/api/kubernetes.json?token=t0k3n';
    const { feeds, logger } = await setUp('SQLITE_3', {
      kubernetes: { url: secretUrl },
    });
    let authorization: string | null = null;
    body = () =>
      new HttpResponse(null, { status: 401, statusText: 'Unauthorized' });
    msw.use(
      http.get(KUBERNETES_URL, ({ request }) => {
        authorization = request.headers.get('authorization');
        return body();
      }),
    );
    await feeds.refresh();
    // The user info of the URL is sent the way fetch allows: as basic authentication
    expect(authorization).toBe(`Basic ${btoa('reader:s3cret')}`);
    const shown = JSON.stringify([
      await feeds.current(),
      logger.warn.mock.calls,
      logger.info.mock.calls,
    ]);
    expect(shown).toContain(`HTTP 401 Unauthorized from ${KUBERNETES_URL}`);
    expect(shown).not.toMatch(/s3cret|t0k3n/);
  });

  it('reads nothing and schedules nothing without a feed', async () => {
    const { feeds } = await setUp('SQLITE_3', undefined as never);
    const none = new ReleaseFeeds({
      store: (feeds as any).options.store,
      logger: mockServices.logger.mock(),
    });
    const scheduler = mockServices.scheduler.mock();
    await none.start(scheduler, async () => {});
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    expect(await none.current()).toEqual({ layers: [], statuses: [] });
  });
});
