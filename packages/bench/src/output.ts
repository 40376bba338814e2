/*
 * What benchmarks print: lines and tables on stdout, numbers formatted the same way everywhere.
 */

import Table from 'cli-table3';

export function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A table with the first column left-aligned and the others right-aligned, no colours. */
export function printTable(
  head: string[],
  rows: Array<Array<string | number>>,
): void {
  const table = new Table({
    head,
    colAligns: head.map((_, i) => (i === 0 ? 'left' : 'right')),
    style: { head: [], border: [], compact: true },
  });
  table.push(...rows.map(row => row.map(String)));
  log(table.toString());
}

/** `1234.5` → `1,235`; `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
