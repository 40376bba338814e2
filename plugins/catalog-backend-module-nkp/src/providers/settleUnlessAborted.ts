/**
 * Runs `tasks` in parallel under `signal` and reports each one's outcome; one task failing does
 * not stop the others. Rejects only when `signal` itself aborts.
 */
export async function settleUnlessAborted<T>(
  signal: AbortSignal,
  tasks: Array<(signal: AbortSignal) => Promise<T>>,
): Promise<PromiseSettledResult<T>[]> {
  signal.throwIfAborted();
  const results = await Promise.allSettled(tasks.map(task => task(signal)));
  signal.throwIfAborted();
  return results;
}
