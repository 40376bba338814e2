/*
 * The portal's servers write their output to e2e-test-logs/ instead of the terminal (thousands of
 * request log lines per run). When a test fails, this reporter prints the end of each log, so the
 * failure's server side is there without scrolling past a healthy run.
 */
import type { FullResult, Reporter } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';

export const serverLogDir = path.resolve(
  __dirname,
  '..',
  '..',
  'e2e-test-logs',
);

const TAIL_LINES = 300;

export default class ServerLogsOnFailure implements Reporter {
  onEnd(result: FullResult) {
    if (result.status === 'passed') {
      return;
    }
    const logs = fs.existsSync(serverLogDir)
      ? fs.readdirSync(serverLogDir).filter(f => f.endsWith('.log'))
      : [];
    for (const name of logs.sort()) {
      const file = path.join(serverLogDir, name);
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const shown = lines.slice(-TAIL_LINES);
      process.stdout.write(
        `\n----- ${path.relative(process.cwd(), file)} (last ${
          shown.length
        } of ${lines.length} lines) -----\n${shown.join('\n')}\n`,
      );
    }
  }
}
