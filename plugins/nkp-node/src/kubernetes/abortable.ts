/*
 * Deadlines as abort signals. Every request runs under a signal that aborts when the caller's
 * signal does or when its own deadline passes, so that a hung server can never hold a run.
 */

/**
 * A signal that follows `parent` and also aborts with `timeoutError()` after `ms`; `restart`
 * starts the deadline again (optionally with a new length), e.g. whenever data arrives.
 */
export function withDeadline(
  parent: AbortSignal,
  ms: number,
  timeoutError: () => Error,
): { signal: AbortSignal; restart(ms?: number): void; dispose(): void } {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  if (parent.aborted) {
    onParentAbort();
  } else {
    parent.addEventListener('abort', onParentAbort, { once: true });
  }
  let timer: NodeJS.Timeout | undefined;
  let length = ms;
  const restart = (newLength = length) => {
    length = newLength;
    clearTimeout(timer);
    if (!controller.signal.aborted) {
      timer = setTimeout(() => controller.abort(timeoutError()), length);
    }
  };
  restart();
  return {
    signal: controller.signal,
    restart,
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}

/** Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `tasks` in parallel under a signal that follows `signal`; the first failure aborts the
 * others (their work is wasted anyway, since the whole run fails) and is what rejects.
 */
export async function allOrAbort<T>(
  signal: AbortSignal,
  tasks: Array<(signal: AbortSignal) => Promise<T>>,
): Promise<T[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    return await Promise.all(
      tasks.map(task =>
        task(controller.signal).catch(error => {
          controller.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
