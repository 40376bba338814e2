import { resolve } from 'node:path';
import { substitute } from './appConfigSyntax';
import { readAppConfig } from './readAppConfig';

const fixtures = resolve(__dirname, '../__fixtures__');

describe('substitute', () => {
  const env = { A: 'a', SPACED: '  s  ', EMPTY: '' };
  it.each([
    ['plain', 'plain'],
    ['${A}', 'a'],
    ['x-${ A }-${SPACED}', 'x-a-s'],
    ['${UNSET}', undefined],
    ['prefix ${UNSET} suffix', undefined],
    ['${UNSET:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${A:-fallback}', 'a'],
    ['$${A}', '${A}'],
    ['$${UNSET} and ${A}', '${UNSET} and a'],
  ])('%p → %p', (text, expected) => {
    expect(substitute(text, env)).toBe(expected);
  });
});

describe('readAppConfig', () => {
  const read = (files: string[], env: Record<string, string> = {}) =>
    readAppConfig(files, { cwd: fixtures, env });

  it('reads nothing without files', async () => {
    expect(await read([])).toBeUndefined();
  });

  it('resolves substitutions, $env, $file and $include relative to their file', async () => {
    const config = await read(['config-syntax/app-config.yaml'], {
      ACME_OWNER: 'team-acme',
      GLOBEX_OWNER: 'team-globex',
    });
    expect(config?.get()).toEqual({
      nkp: {
        policy: {
          upgradePlans: { windowDays: 45 },
          managedSkew: { maxMinorsBehind: 2 },
        },
      },
      catalog: {
        providers: {
          nkp: {
            lab: {
              owners: {
                default: 'group:default/platform-team',
                workspaces: { acme: 'team-acme', globex: 'team-globex' },
              },
              kubernetes: { caData: 'Q0EtYnVuZGxl' },
              dashboardUrl: 'https://${not-a-variable}.example',
            },
          },
        },
      },
    });
  });

  it('leaves out values whose variables are unset', async () => {
    const config = await read(['config-syntax/app-config.yaml'], {
      PLATFORM_TEAM: 'ops',
    });
    expect(config?.getConfig('catalog.providers.nkp.lab.owners').get()).toEqual(
      { default: 'group:default/ops', workspaces: {} },
    );
  });

  it('lets later files win', async () => {
    const config = await read(['app-config.yaml', 'app-config.strict.yaml']);
    expect(config?.getNumber('nkp.policy.upgradePlans.windowDays')).toBe(30);
    expect(config?.has('catalog.providers.nkp.lab')).toBe(true);
  });

  it.each([
    [
      'a missing file',
      ['missing.yaml'],
      /^Cannot read app-config missing.yaml: Config file ".*missing.yaml" does not exist$/,
    ],
    [
      'a file that is not a map',
      ['bad/plans.yaml'],
      /^Cannot read app-config bad\/plans.yaml: expected an object at the root of the file$/,
    ],
    [
      'a missing include',
      ['bad/include.yaml'],
      /^Cannot read app-config bad\/include.yaml: nkp.policy: cannot read \$include missing.yaml: ENOENT/,
    ],
    [
      'an include next to other keys',
      ['bad/include-siblings.yaml'],
      /^Cannot read app-config bad\/include-siblings.yaml: nkp: \$include must be the only key of its object$/,
    ],
  ])('names the file on %s', async (_, files, message) => {
    await expect(read(files)).rejects.toThrow(message);
  });
});
