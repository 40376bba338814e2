/**
 * The nkp-lifecycle command line.
 *
 * @packageDocumentation
 */
export async function main(argv: string[]): Promise<void> {
  process.stderr.write(`nkp-lifecycle: not implemented yet (${argv.length})\n`);
  process.exitCode = 2;
}
