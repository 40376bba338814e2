/*
 * `yarn start` (the README's start command, through scripts/start.sh) runs `backstage-cli repo
 * start`, which hands the backend only the `--config` flags given to it, not those of the
 * backend's own start script: without them the backend loads app-config.yaml alone and refuses
 * to start without sign-in settings. The root script must name the same config files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const scriptOf = (packageJson: string) =>
  JSON.parse(readFileSync(resolve(__dirname, packageJson), 'utf8')).scripts
    .start as string;

const configsOf = (script: string) =>
  [...script.matchAll(/--config\s+(\S+)/g)].map(match => match[1]);

describe('the start scripts', () => {
  it('start the backend with the demo config from the repository root too', () => {
    const backend = configsOf(scriptOf('../package.json'));
    expect(backend).toEqual([
      '../../app-config.yaml',
      '../../app-config.demo.yaml',
    ]);
    expect(configsOf(scriptOf('../../../package.json'))).toEqual(backend);
  });

  it('start the app with the same config as the backend', () => {
    expect(configsOf(scriptOf('../../app/package.json'))).toEqual(
      configsOf(scriptOf('../package.json')),
    );
  });
});
