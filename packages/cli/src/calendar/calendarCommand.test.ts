/*
 * `nkp-lifecycle calendar` in-process: layers from the fixtures (feeds as files, as an
 * air-gapped mirror has them, and over HTTP from a local server), stdout, stderr, exit codes.
 */

import { NkpCalendar } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { EXIT_GATE_FAILED, EXIT_OK, EXIT_USAGE, main } from '../index';

const fixtures = resolve(__dirname, '../__fixtures__');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'nkp-lifecycle', 'calendar', ...args], {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    cwd: fixtures,
    env: {},
    clock: () => new Date('2026-11-21T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as NkpCalendar;
const minor = <T extends { minor: string }>(list: T[], m: string) =>
  list.find(r => r.minor === m);

describe('nkp-lifecycle calendar', () => {
  it('prints the shipped calendar with its sources when no feed is read', async () => {
    const { code, stdout, stderr } = await run(['--no-feed']);
    expect({ code, stderr }).toEqual({ code: EXIT_OK, stderr: '' });
    expect(stdout).toMatch(/1\.34 +│? *2025-08-27 \[1\]/);
    expect(stdout).toContain(
      '[1] endoflife-date/endoflife.date products/kubernetes.md @ a70eca3 (2026-08-22)',
    );
    expect(stdout).toContain('≈ 2025-12-23');
    expect(stdout).toContain(
      'No release feed read (nkp.calendar.feed in --config, or --feed).',
    );
  });

  it('layers shipped < feeds < app-config, every date citing its source', async () => {
    const { code, stdout, stderr } = await run([
      '--config',
      'app-config.feed.yaml',
      '--output',
      'json',
    ]);
    expect(code).toBe(EXIT_OK);
    const calendar = json(stdout);
    const k8sFeed = 'release feed feeds/kubernetes.json, read 2026-11-21';
    const nkpFeed = 'release feed feeds/nkp.json, read 2026-11-21';
    expect(minor(calendar.kubernetes, '1.37')).toEqual({
      minor: '1.37',
      releaseDate: { date: '2026-08-26', source: k8sFeed },
      endOfStandardSupport: { date: '2027-08-28', source: k8sFeed },
      // app-config wins over the feed
      endOfLife: { date: '2027-11-30', source: 'app-config' },
    });
    expect(minor(calendar.nkp, '2.18')).toEqual({
      minor: '2.18',
      kubernetesMinors: ['1.34', '1.35'],
      kubernetesSource: nkpFeed,
      releaseDate: { date: '2026-10-15', source: nkpFeed },
    });
    // Shipped data where no feed speaks
    expect(minor(calendar.kubernetes, '1.28')?.endOfLife?.source).toMatch(
      /^endoflife-date/,
    );
    expect(calendar.feeds).toEqual([
      expect.objectContaining({
        product: 'kubernetes',
        location: 'feeds/kubernetes.json',
        state: 'ok',
        releases: 2,
      }),
      expect.objectContaining({
        product: 'nkp',
        state: 'ok',
        releases: 1,
        warnings: [
          'entry [1] skipped: cycle 2.19: releaseDate "soon" is not an ISO date',
        ],
      }),
    ]);
    // The partial feed is said on stderr, stdout stays parseable
    expect(stderr).toBe(
      'warning: release feed nkp feeds/nkp.json: entry [1] skipped: cycle 2.19: releaseDate "soon" is not an ISO date\n',
    );
  });

  it('goes without a feed that cannot be read, says so, and exits 1', async () => {
    const { code, stdout, stderr } = await run([
      '--config',
      'app-config.feed.yaml',
      '--feed',
      'kubernetes=feeds/broken.json',
    ]);
    expect(code).toBe(EXIT_GATE_FAILED);
    expect(stderr).toMatch(
      /^warning: release feed kubernetes feeds\/broken.json: not JSON: /,
    );
    expect(stdout).toMatch(
      /Release feed kubernetes feeds\/broken.json: failed: not JSON: .*; the calendar goes without it\./,
    );
    // The NKP feed of the config is still read
    expect(stdout).toContain(
      'Release feed nkp feeds/nkp.json: read, 1 minor, 1 entry skipped.',
    );
  });

  describe('over HTTP', () => {
    let server: Server;
    let base: string;
    let status = 200;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        if (status !== 200) {
          res.writeHead(status, 'Service Unavailable').end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(readFileSync(resolve(fixtures, 'feeds/kubernetes.json')));
      });
      await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise(done => server.close(done)));

    it.each([
      [200, EXIT_OK, 'read, 2 minors'],
      [503, EXIT_GATE_FAILED, 'failed: HTTP 503 Service Unavailable from'],
    ])(
      'reads a feed URL given with --feed (HTTP %i)',
      async (answer, exit, line) => {
        status = answer;
        const { code, stdout } = await run([
          '--feed',
          `kubernetes=${base}/api/kubernetes.json`,
        ]);
        expect(code).toBe(exit);
        expect(stdout).toContain(
          `Release feed kubernetes ${base}/api/kubernetes.json: ${line}`,
        );
        expect(stdout.includes('2027-10-28')).toBe(answer === 200);
      },
    );
  });

  it.each([
    [
      'a --feed without a product',
      ['--feed', 'https://endoflife.date/api/kubernetes.json'],
      /option '--feed <product=location>' argument .* is invalid. expected <product>=<url or file>/,
    ],
    [
      'a --feed for an unknown product',
      ['--feed', 'openshift=feeds/kubernetes.json'],
      /product one of kubernetes, nkp/,
    ],
    [
      'a feed config that names no NKP location',
      ['--config', 'bad/feed.yaml'],
      /nkp\.calendar\.feed\.nkp: give a url, a file or a product/,
    ],
  ])('refuses %s (exit 2)', async (_, args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
