/*
 * The command line as a pipeline sees it: arguments in, stdout, stderr and an exit code out. Runs
 * in-process on the fixtures in __fixtures__ (a management cluster `mgmt` with four clusters in
 * workspace `acme`), evaluated on 2026-11-21 unless a test says otherwise.
 */

import { FleetEvaluation } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { resolve } from 'node:path';
import { runCli } from './__testUtils__/runCli';
import { CliIo, EXIT_GATE_FAILED, EXIT_OK, EXIT_USAGE } from './index';

const fixtures = resolve(__dirname, '__fixtures__');

function run(args: string[], io: Partial<CliIo> = {}) {
  return runCli(args, {
    cwd: fixtures,
    clock: () => new Date('2026-11-21T12:00:00Z'),
    ...io,
  });
}

async function evaluateJson(args: string[], io: Partial<CliIo> = {}) {
  const result = await run(
    ['evaluate', 'export', '--output', 'json', ...args],
    io,
  );
  expect(result).toMatchObject({ code: EXIT_OK, stderr: '' });
  return JSON.parse(result.stdout) as FleetEvaluation;
}

function statesOf(evaluation: FleetEvaluation) {
  return Object.fromEntries(
    evaluation.clusters.map(c => [c.cluster.title ?? c.cluster.name, c.state]),
  );
}

describe('nkp-lifecycle', () => {
  describe('arguments', () => {
    it.each([
      ['no command', [], /Usage: nkp-lifecycle/],
      ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
      ['no export paths', ['evaluate'], /missing required argument 'paths'/],
      [
        'an unknown option',
        ['evaluate', 'export', '--colour'],
        /unknown option '--colour'/,
      ],
      [
        'an unknown output format',
        ['evaluate', 'export', '--output', 'xml'],
        /argument 'xml' is invalid. Allowed choices are table, json/,
      ],
      [
        'a --now that is not a date',
        ['evaluate', 'export', '--now', 'tomorrow'],
        /option '--now <date>' argument 'tomorrow' is invalid. expected an ISO date/,
      ],
      [
        'a --now that is no real day',
        ['evaluate', 'export', '--now', '2026-02-30'],
        /argument '2026-02-30' is invalid/,
      ],
      [
        'a --fail-on state that cannot fail',
        ['evaluate', 'export', '--fail-on', 'overdue,compliant'],
        /option '--fail-on <states>' argument 'overdue,compliant' is invalid. .*got "compliant"/,
      ],
      [
        'an unknown --model',
        ['evaluate', 'export', '--model', 'central'],
        /Allowed choices are management, self-managed/,
      ],
    ])('exits 2 on %s', async (_, args, message) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(EXIT_USAGE);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
    });

    it('prints help with the exit codes and exits 0', async () => {
      const { code, stdout } = await run(['evaluate', '--help']);
      expect(code).toBe(EXIT_OK);
      expect(stdout).toContain(
        'Usage: nkp-lifecycle evaluate [options] <paths...>',
      );
      expect(stdout).toContain(
        'Exit codes: 0 evaluated, 1 a cluster is in a --fail-on state, 2 usage or input error.',
      );
    });

    it.each([
      ['the UTC day of the clock by default', [], '2026-11-22'],
      ['the given day', ['--now', '2026-12-01'], '2026-12-01'],
      [
        'the UTC day of a given timestamp',
        ['--now', '2026-12-01T23:30:00-05:00'],
        '2026-12-02',
      ],
    ])('evaluates on %s', async (_, args, day) => {
      // 23:30 in New York is already the next day in UTC.
      const evaluation = await evaluateJson(args, {
        clock: () => new Date('2026-11-21T23:30:00-05:00'),
      });
      expect(evaluation.evaluatedOn).toBe(day);
    });
  });

  describe('output', () => {
    it('prints a table with one row per cluster and a summary by default', async () => {
      const { code, stdout, stderr } = await run([
        'evaluate',
        'export',
        '--now',
        '2026-11-21',
      ]);
      expect(code).toBe(EXIT_OK);
      expect(stderr).toBe('');
      const lines = stdout.split('\n');
      const row = (cluster: string) =>
        lines
          .find(l => l.startsWith(`│ ${cluster} `))
          ?.split('│')
          .slice(1, -1)
          .map(cell => cell.trim());
      expect(row('cluster')).toEqual([
        'cluster',
        'owner',
        'type',
        'NKP',
        'Kubernetes',
        'state',
        'deadline',
        'days left',
        'target',
        'main reason',
      ]);
      expect(row('acme-legacy')).toEqual([
        'acme-legacy',
        'team-acme',
        'managed',
        '2.15.2',
        '1.32.3',
        'unsupported',
        '-',
        '-',
        'NKP 2.16 / K8s 1.33',
        // The reason wraps onto the next line of the table.
        expect.stringMatching(/^Kubernetes 1.32 is 2 minors behind management/),
      ]);
      expect(row('mgmt')).toEqual(
        expect.arrayContaining(['unknown', 'management', 'compliant']),
      );
      expect(row('acme-edge')).toEqual(
        expect.arrayContaining(['attached', '-', '1.99.0', 'unknown']),
      );
      expect(stdout).toContain(
        '5 clusters on 2026-11-21: 3 compliant, 0 upgrade-due, 1 unknown, 0 overdue, 1 unsupported.',
      );
    });

    it('lists plans and exceptions under the table', async () => {
      const { stdout } = await run([
        'evaluate',
        'export',
        '--now',
        '2026-11-21',
        '--plans',
        'plans.yaml',
        '--exceptions',
        'exceptions.json',
      ]);
      expect(stdout).toContain(
        'Plan nkp-2.17 "Fleet to NKP 2.17" (NKP 2.17, deadline 2027-01-30): 2 of 5 clusters below target, blocked by resource:default/acme-legacy.',
      );
      expect(stdout).toContain(
        'Exception exc-acme-skew: active until 2026-12-15.',
      );
    });

    it('says what a management-plane plan asks: the tenants within the skew, the move is the platform’s', async () => {
      // releases.yaml serves NKP 2.18 (Kubernetes 1.35)
      const { stdout } = await run([
        'evaluate',
        'export',
        'releases.yaml',
        '--now',
        '2026-11-21',
        '--plans',
        'management-plane-plans.yaml',
      ]);
      expect(stdout).toContain(
        'Plan mgmt-2.18 "Management plane to NKP 2.18" (management plane to NKP 2.18 by 2027-02-19): 2 of 3 managed clusters outside the managed skew of the target, blocked by resource:default/acme-dev, resource:default/acme-legacy; platform step: resource:default/mgmt scheduled.',
      );
    });

    it('prints the engine evaluation as JSON', async () => {
      const evaluation = await evaluateJson(['--now', '2026-11-21']);
      expect(Object.keys(evaluation).sort()).toEqual([
        'clusters',
        'evaluatedOn',
        'exceptions',
        'fleet',
        'plans',
        'tenants',
        'warnings',
      ]);
      expect(statesOf(evaluation)).toEqual({
        'acme-dev': 'compliant',
        'acme-edge': 'unknown',
        'acme-legacy': 'unsupported',
        'acme-prod': 'compliant',
        mgmt: 'compliant',
      });
      expect(evaluation.fleet).toEqual({
        total: 5,
        counts: {
          compliant: 3,
          'upgrade-due': 0,
          unknown: 1,
          overdue: 0,
          unsupported: 1,
        },
        worstState: 'unsupported',
      });
      expect(evaluation.clusters[2]).toMatchObject({
        entityRef: 'resource:default/acme-legacy',
        cluster: { owner: 'group:default/team-acme', workspace: 'acme' },
        targetVersion: { nkp: '2.16', kubernetes: '1.33' },
        findings: [{ rule: 'managed-skew', state: 'unsupported' }, {}],
      });
    });

    it('applies upgrade plans and exceptions from files', async () => {
      const evaluation = await evaluateJson([
        '--now',
        '2026-11-21',
        '--plans',
        'plans.yaml',
        '--exceptions',
        'exceptions.json',
      ]);
      expect(statesOf(evaluation)).toEqual({
        'acme-dev': 'upgrade-due',
        'acme-edge': 'unknown',
        'acme-legacy': 'overdue',
        'acme-prod': 'compliant',
        mgmt: 'compliant',
      });
      expect(evaluation.plans).toEqual([
        expect.objectContaining({ id: 'nkp-2.17', deadline: '2027-01-30' }),
      ]);
      expect(evaluation.exceptions).toEqual([
        expect.objectContaining({ id: 'exc-acme-skew', status: 'active' }),
      ]);
    });
    it('builds the release calendar with the NKP releases the export serves', async () => {
      // releases.yaml holds a Release object for NKP 2.18.
      const { code, stdout } = await run([
        'evaluate',
        'export',
        'releases.yaml',
        '--now',
        '2026-11-21',
        '--output',
        'json',
      ]);
      expect(code).toBe(EXIT_OK);
      const mgmt = (JSON.parse(stdout) as FleetEvaluation).clusters.find(
        c => c.cluster.name === 'mgmt',
      );
      expect(mgmt?.findings[0].reason).toBe(
        'NKP 2.17 is 1 minor behind the newest NKP 2.18; at most 3 minors allowed',
      );
    });
    it('reads the release feeds app-config names, as the portal does (--no-feed: none)', async () => {
      // feeds/nkp.json announces NKP 2.18 (and an entry with a nonsense date, skipped with a warning).
      const mgmtReason = async (extra: string[]) => {
        const result = await run([
          'evaluate',
          'export',
          '--config',
          'app-config.feed.yaml',
          '--output',
          'json',
          ...extra,
        ]);
        const mgmt = (JSON.parse(result.stdout) as FleetEvaluation).clusters.find(
          c => c.cluster.name === 'mgmt',
        );
        return { ...result, reason: mgmt?.findings[0]?.reason, stdout: '' };
      };
      const withFeed = await mgmtReason([]);
      expect(withFeed).toMatchObject({
        code: EXIT_OK,
        reason:
          'NKP 2.17 is 1 minor behind the newest NKP 2.18; at most 3 minors allowed',
      });
      expect(withFeed.stderr).toMatch(
        /^warning: release feed nkp feeds\/nkp\.json: .*2\.19/m,
      );
      const offline = await mgmtReason(['--no-feed']);
      expect(offline).toMatchObject({ code: EXIT_OK, stderr: '' });
      expect(offline.reason).not.toContain('2.18');
    });
  });

  describe('app-config', () => {
    const withPlans = ['--now', '2026-11-21', '--plans', 'plans.yaml'];
    const planDeadline = (evaluation: FleetEvaluation) =>
      evaluation.plans[0].deadline;

    it.each([
      ['the default policy without --config', [], '2027-01-30'],
      ['nkp.policy of --config', ['--config', 'app-config.yaml'], '2026-12-31'],
      [
        'the last of several --config files',
        ['-c', 'app-config.yaml', '-c', 'app-config.strict.yaml'],
        '2026-12-01',
      ],
    ])('applies %s', async (_, args, deadline) => {
      expect(planDeadline(await evaluateJson([...withPlans, ...args]))).toBe(
        deadline,
      );
    });

    it('names entities and owners as the portal does with --source', async () => {
      const evaluation = await evaluateJson(
        ['--config', 'app-config.yaml', '--source', 'lab'],
        { env: { PLATFORM_TEAM: 'platform' } },
      );
      expect(
        evaluation.clusters.map(c => [c.entityRef, c.cluster.owner]),
      ).toEqual([
        ['resource:default/lab-acme-dev', 'group:default/team-acme'],
        ['resource:default/lab-acme-edge', 'group:default/team-acme'],
        ['resource:default/lab-acme-legacy', 'group:default/team-acme'],
        ['resource:default/lab-acme-prod', 'group:default/team-acme'],
        // owners.default is group:default/${PLATFORM_TEAM}
        ['resource:default/lab-mgmt', 'group:default/platform'],
      ]);
      expect(evaluation.clusters[0].cluster.source).toBe('lab');
    });

    it('uses unprefixed names and the default owner without --source', async () => {
      const evaluation = await evaluateJson(['--config', 'app-config.yaml']);
      expect(evaluation.clusters[4]).toMatchObject({
        entityRef: 'resource:default/mgmt',
        cluster: { owner: 'group:default/unknown', source: 'export' },
      });
    });

    it("reads a source's settings without its credentials", async () => {
      // `remote` is an API source whose token comes from an unset variable.
      const evaluation = await evaluateJson([
        '--config',
        'app-config.yaml',
        '--source',
        'remote',
      ]);
      expect(evaluation.clusters[4].cluster).toMatchObject({
        name: 'remote-mgmt',
        clusterType: 'self-managed',
        owner: 'group:default/team-remote',
      });
    });

    it.each([
      ['the default model', [], 'management'],
      ['--model', ['--model', 'self-managed'], 'self-managed'],
      [
        "--model over the source's",
        [
          '-c',
          'app-config.yaml',
          '--source',
          'remote',
          '--model',
          'management',
        ],
        'management',
      ],
    ])('types the exported cluster by %s', async (_, args, type) => {
      const evaluation = await evaluateJson(args);
      expect(evaluation.clusters[4].cluster.clusterType).toBe(type);
    });
  });

  describe('--fail-on', () => {
    // With the plan: acme-dev upgrade-due, acme-edge unknown, acme-legacy unsupported (overdue
    // with the exception), acme-prod and mgmt compliant.
    it.each([
      [[], false, EXIT_OK],
      [['unsupported'], false, EXIT_GATE_FAILED],
      [['unsupported'], true, EXIT_OK],
      [['overdue'], false, EXIT_OK],
      [['overdue'], true, EXIT_GATE_FAILED],
      [['overdue,unsupported'], true, EXIT_GATE_FAILED],
      [['upgrade-due'], true, EXIT_GATE_FAILED],
      [['unknown'], true, EXIT_GATE_FAILED],
      [['overdue', 'unsupported'], false, EXIT_GATE_FAILED],
    ])(
      '%j with exceptions %p exits %i',
      async (failOn, withExceptions, expected) => {
        const { code, stdout } = await run([
          'evaluate',
          'export',
          '--now',
          '2026-11-21',
          '--plans',
          'plans.yaml',
          ...(withExceptions ? ['--exceptions', 'exceptions.json'] : []),
          ...failOn.flatMap(states => ['--fail-on', states]),
          '--output',
          'json',
        ]);
        expect(code).toBe(expected);
        // The result is printed either way, and stays parseable.
        expect(JSON.parse(stdout).clusters).toHaveLength(5);
      },
    );

    it('names the clusters that fail the gate on stderr', async () => {
      const { stderr } = await run([
        'evaluate',
        'export',
        '--now',
        '2026-11-21',
        '--plans',
        'plans.yaml',
        '--fail-on',
        'unknown,upgrade-due',
      ]);
      expect(stderr).toBe(
        'nkp-lifecycle: --fail-on unknown,upgrade-due: 2 clusters fail the gate: acme-dev (upgrade-due), acme-edge (unknown)\n',
      );
    });
  });

  describe('bad input', () => {
    it.each([
      [
        'a missing export',
        ['missing-dir'],
        /^nkp-lifecycle: Cannot read NKP export .*missing-dir: ENOENT/,
      ],
      [
        'an unparsable export',
        ['broken-export.yaml'],
        /^nkp-lifecycle: Failed to parse .*broken-export.yaml: /,
      ],
      [
        'an export without NKP clusters',
        ['bad/no-clusters'],
        /^nkp-lifecycle: No NKP clusters found in bad\/no-clusters;/,
      ],
      [
        'a missing app-config',
        ['export', '--config', 'missing.yaml'],
        /^nkp-lifecycle: Cannot read app-config missing.yaml: Config file ".*missing.yaml" does not exist/,
      ],
      [
        'an unparsable app-config',
        ['export', '--config', 'broken-config.yaml'],
        /^nkp-lifecycle: Cannot read app-config broken-config.yaml: .* at line 3, column 1/,
      ],
      [
        'an invalid policy',
        ['export', '--config', 'bad/policy.yaml'],
        /^nkp-lifecycle: Invalid config nkp.policy: nkp.policy.managedSkew.maxMinorsBehind: Number must be greater than or equal to 0\n$/,
      ],
      [
        'an invalid source config',
        ['export', '--config', 'bad/source.yaml', '--source', 'broken'],
        /^nkp-lifecycle: catalog.providers.nkp.broken.entityNamePrefix must be lowercase letters, digits and dashes/,
      ],
      [
        '--source without --config',
        ['export', '--source', 'lab'],
        /^nkp-lifecycle: --source lab reads catalog.providers.nkp.lab from app-config; pass the file with --config\n$/,
      ],
      [
        'an unknown source',
        ['export', '--config', 'app-config.yaml', '--source', 'nope'],
        /^nkp-lifecycle: catalog.providers.nkp.nope is not configured in app-config.yaml; configured sources: lab, remote\n$/,
      ],
      [
        'a missing plans file',
        ['export', '--plans', 'missing.yaml'],
        /^nkp-lifecycle: Cannot read upgrade plans missing.yaml: ENOENT/,
      ],
      [
        'an invalid plan',
        ['export', '--plans', 'bad/plans.yaml'],
        /^nkp-lifecycle: Invalid upgrade plans in bad\/plans.yaml: \[0\].targetVersion: must be an NKP version such as 2.17 or 2.17.1\n$/,
      ],
      [
        'two plans with one id',
        ['export', '--plans', 'bad/duplicate-plans.json'],
        /^nkp-lifecycle: Invalid upgrade plans in bad\/duplicate-plans.json: \[1\].id: "p1" is already the id of \[0\]\n$/,
      ],
      [
        'an invalid exception',
        ['export', '--exceptions', 'bad/exceptions.json'],
        /^nkp-lifecycle: Invalid exceptions in bad\/exceptions.json: \[0\].approvedBy: Required\n$/,
      ],
      [
        'an unparsable exceptions file',
        ['export', '--exceptions', 'broken-config.yaml'],
        /^nkp-lifecycle: Failed to parse broken-config.yaml: /,
      ],
      [
        'an exceptions file that is not a list',
        ['export', '--exceptions', 'app-config.strict.yaml'],
        /^nkp-lifecycle: Invalid exceptions in app-config.strict.yaml: Expected array, received object\n$/,
      ],
    ])('exits 2 on %s, naming it', async (_, args, message) => {
      const { code, stdout, stderr } = await run([
        'evaluate',
        '--now',
        '2026-11-21',
        ...args,
      ]);
      expect(code).toBe(EXIT_USAGE);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(stdout).toBe('');
    });

    it('warns about malformed objects and evaluates the rest', async () => {
      const { code, stdout, stderr } = await run([
        'evaluate',
        'export',
        'bad/malformed-objects.yaml',
        '--now',
        '2026-11-21',
        '--output',
        'json',
      ]);
      expect(code).toBe(EXIT_OK);
      expect(stderr).toBe(
        [
          'warning: NKP object Cluster acme-ns/(no name): missing metadata.name; skipped',
          'warning: NKP object Cluster no-api-version: missing apiVersion or kind; skipped',
          '',
        ].join('\n'),
      );
      expect(JSON.parse(stdout).clusters).toHaveLength(5);
    });

    it('treats an empty plans file as no plans', async () => {
      const evaluation = await evaluateJson(['--plans', 'empty.yaml']);
      expect(evaluation.plans).toEqual([]);
    });
  });
});
