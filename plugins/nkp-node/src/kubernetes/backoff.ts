/**
 * Delay before reconnect attempt `attempt` (1, 2, …): doubling from `initialMs`, capped at
 * `maxMs`, and jittered to between half and all of that, so that many watches failing together
 * (a restarting API server) do not come back in lockstep.
 */
export function backoffDelay(
  attempt: number,
  options: { initialMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    options.maxMs,
    options.initialMs * 2 ** Math.max(0, attempt - 1),
  );
  return Math.round(ceiling * (0.5 + random() / 2));
}
