/**
 * Decides whether a new full result may replace the last applied one. A source that suddenly
 * returns nothing, or far less than before, is far more often broken (wrong path, lost RBAC, a
 * truncated export) than a fleet that was really torn down, so such results are refused.
 *
 * @returns undefined when the result may be applied, else the reason it may not.
 */
export function checkShrink(options: {
  next: number;
  /** Entities applied by the last successful run; undefined when nothing was applied yet. */
  previous: number | undefined;
  maxShrinkPercent: number;
}): string | undefined {
  const { next, previous, maxShrinkPercent } = options;
  if (next === 0) {
    // Unknown previous counts as non-empty: after a restart the catalog may still hold the fleet,
    // and an empty full mutation would delete it. No real NKP source is ever empty.
    return previous === 0
      ? undefined
      : `the source returned no entities (last applied: ${
          previous ?? 'unknown, first run'
        })`;
  }
  if (previous === undefined || previous === 0) {
    return undefined;
  }
  const shrinkPercent = ((previous - next) / previous) * 100;
  if (shrinkPercent > maxShrinkPercent) {
    return `the result shrank by ${shrinkPercent.toFixed(
      0,
    )}% (from ${previous} to ${next} entities), more than maxShrinkPercent ${maxShrinkPercent}%`;
  }
  return undefined;
}
