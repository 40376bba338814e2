/*
 * The CLI as someone outside this repository gets it: nkp-common, nkp-node and the CLI are built
 * and packed the way they would be published (`yarn pack`, which turns `workspace:^` into real
 * versions and runs Backstage's prepack), installed with plain npm into an empty folder, and run
 * on the demo export. Its output must be exactly what the CLI gives in the repository, and the
 * install must stay small: none of the backend framework, the Kubernetes client or the config
 * loader's TypeScript toolchain.
 *
 * SLOW (about a minute on two cores): it type-checks and builds three packages and runs npm, so
 * it runs as a step of its own in scripts/test.sh (NKP_TEST_PUBLISHED=true), after the other tests,
 * instead of loading the cores while they run; without that variable it is skipped. The
 * dependencies come from the registry npm is configured for, from npm's cache when it has them.
 * While a package is being packed, Backstage's prepack holds its production package.json in
 * place of the workspace one; postpack puts the workspace one back.
 */

import { execFile } from 'node:child_process';
import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from './__testUtils__/runCli';

jest.setTimeout(600_000);

const describePublished =
  process.env.NKP_TEST_PUBLISHED === 'true' ? describe : describe.skip;

const run = promisify(execFile);
const repo = resolve(__dirname, '../../..');
const PACKAGES = ['plugins/nkp-common', 'plugins/nkp-node', 'packages/cli'];
/** What a small install must not contain (each is tens of megabytes with its own dependencies). */
const HEAVY = [
  '@backstage/backend-plugin-api',
  '@backstage/config-loader',
  '@kubernetes/client-node',
  'typescript',
  'msw',
];
const ARGS = [
  'evaluate',
  `${repo}/examples/nkp-demo-fleet/management`,
  '--config',
  `${repo}/app-config.yaml`,
  '--config',
  `${repo}/app-config.demo.yaml`,
  '--source',
  'demo',
  '--now',
  '2026-11-21',
  '--output',
  'json',
];

async function sh(
  file: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  try {
    return await run(file, args, { cwd, env, maxBuffer: 64 * 2 ** 20 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${file} ${args.join(' ')} in ${cwd} failed:\n${stdout}\n${stderr}`,
    );
  }
}

async function yarn(args: string[], cwd: string) {
  const yarnrc = await readFile(join(repo, '.yarnrc.yml'), 'utf8');
  const release = /^yarnPath:\s*(\S+)/m.exec(yarnrc)![1];
  return sh(process.execPath, [join(repo, release), ...args], cwd);
}

/** Type declarations of the libraries' entry points, which their builds bundle. */
async function emitDeclarations(dir: string) {
  const tsconfig = join(dir, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(repo, 'tsconfig.json'),
      files: [
        'plugins/nkp-common/src/index.ts',
        'plugins/nkp-node/src/index.ts',
        'plugins/nkp-node/src/kubernetes/index.ts',
        'plugins/nkp-node/src/testUtils/index.ts',
      ].map(file => join(repo, file)),
      compilerOptions: {
        incremental: false,
        rootDir: repo,
        outDir: join(repo, 'dist-types'),
        typeRoots: [join(repo, 'node_modules/@types')],
      },
    }),
  );
  await sh(
    process.execPath,
    [join(repo, 'node_modules/typescript/bin/tsc'), '-p', tsconfig],
    repo,
  );
}

/** Package directories under `node_modules`, at any depth. */
async function installedPackages(nodeModules: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) {
      found.push(...(await installedPackages(dir)));
      continue;
    }
    found.push(dir);
    const nested = join(dir, 'node_modules');
    found.push(...(await installedPackages(nested).catch(() => [])));
  }
  return found;
}

describePublished(
  'the published CLI (slow: builds, packs and installs packages)',
  () => {
    let work: string;
    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'nkp-cli-published-'));
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    it('installs from its tarballs with npm, small, and evaluates the demo export as in the repository', async () => {
      await emitDeclarations(work);
      await Promise.all(PACKAGES.map(pkg => yarn(['build'], join(repo, pkg))));
      // One at a time: each prepack rewrites its package.json until its postpack.
      const tarballs: string[] = [];
      for (const pkg of PACKAGES) {
        const dir = join(repo, pkg);
        const { name } = JSON.parse(
          await readFile(join(dir, 'package.json'), 'utf8'),
        ) as { name: string };
        const tarball = join(work, `${name.replace(/[@/]/g, '_')}.tgz`);
        await yarn(['pack', '--out', tarball], dir);
        tarballs.push(tarball);
      }
      for (const tarball of tarballs) {
        const { stdout } = await sh(
          'tar',
          ['-xzOf', tarball, 'package/package.json'],
          work,
        );
        expect(stdout).not.toContain('workspace:');
      }

      const install = join(work, 'install');
      await mkdir(install);
      await writeFile(
        join(install, 'package.json'),
        JSON.stringify({ name: 'pipeline', private: true }),
      );
      await sh(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs],
        install,
      );

      const nodeModules = join(install, 'node_modules');
      const packages = await installedPackages(nodeModules);
      const names = packages.map(dir =>
        dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length),
      );
      expect(names.filter(name => HEAVY.includes(name))).toEqual([]);
      const { stdout: du } = await sh('du', ['-sk', nodeModules], install);
      const sizeMiB = Number(du.split(/\s/)[0]) / 1024;
      // Measured 2026-12-01: 37 packages, 34 MiB (a third of it @backstage/catalog-model).
      expect(packages.length).toBeLessThan(60);
      expect(sizeMiB).toBeLessThan(60);
      // eslint-disable-next-line no-console
      console.log(
        `nkp-lifecycle from npm: ${packages.length} packages, ${sizeMiB.toFixed(
          1,
        )} MiB in node_modules`,
      );

      // Nothing of the repository's environment, as in a pipeline.
      const published = await sh(
        join(nodeModules, '.bin', 'nkp-lifecycle'),
        ARGS,
        install,
        { PATH: process.env.PATH },
      );
      const { code, stdout, stderr } = await runCli(ARGS, { cwd: repo });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(published.stderr).toBe('');
      expect(JSON.parse(published.stdout)).toEqual(JSON.parse(stdout));
      expect(JSON.parse(stdout).clusters).toHaveLength(12);
    });
  },
);
