import { CliIo } from '../io';
import { main } from '../main';

/** Runs the command line in-process and collects what it wrote: how the tests see a pipeline. */
export async function runCli(
  args: string[],
  io: Partial<CliIo> & Pick<CliIo, 'cwd'>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'nkp-lifecycle', ...args], {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}
