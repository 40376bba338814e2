/** Sort key of a `major.minor` version: 1.9 < 1.10 < 2.0; unreadable ones last. */
export function minorSortKey(minor: string): number {
  const m = /^v?(\d+)\.(\d+)/.exec(minor);
  return m ? Number(m[1]) * 10_000 + Number(m[2]) : Number.MAX_SAFE_INTEGER;
}
