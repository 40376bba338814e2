/*
 * Child processes of a benchmark (a server, or one measured process per size), running
 * TypeScript through the same transform as the runner. The transform sends messages of its own
 * over the IPC channel, so benchmark messages carry a `type` and are picked out by it.
 */

import { ChildProcess, fork, StdioOptions } from 'node:child_process';

const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');

export function forkTs(
  file: string,
  args: string[] = [],
  options: {
    /** Extra Node flags, e.g. `--expose-gc`. */
    execArgv?: string[];
    /** Writes a CPU profile of the child there when it exits. */
    cpuProfileDir?: string;
    env?: NodeJS.ProcessEnv;
    stdio?: StdioOptions;
  } = {},
): ChildProcess {
  return fork(file, args, {
    execArgv: [
      '--require',
      TRANSFORM,
      ...(options.cpuProfileDir
        ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
        : []),
      ...(options.execArgv ?? []),
    ],
    env: options.env ?? process.env,
    stdio: options.stdio ?? 'inherit',
  });
}

interface Message<T> {
  type: string;
  payload: T;
}

/** The next message of `type` from `child`; rejects when the child exits before sending it. */
export function receive<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listeners = {
      message(message: unknown) {
        if ((message as Message<T> | undefined)?.type === type) {
          stop();
          resolve((message as Message<T>).payload);
        }
      },
      exit(code: number | null, signal: string | null) {
        stop();
        reject(
          new Error(
            `the child process exited (${
              signal ?? code
            }) before sending "${type}"`,
          ),
        );
      },
    };
    function stop() {
      child.off('message', listeners.message);
      child.off('exit', listeners.exit);
    }
    child.on('message', listeners.message);
    child.on('exit', listeners.exit);
  });
}

/** Sends a message of `type` to the parent (from a forked child); rejects when it cannot. */
export function reply<T>(type: string, payload: T): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('not a forked child process: nothing to reply to'));
      return;
    }
    process.send({ type, payload } satisfies Message<T>, undefined, {}, error =>
      error ? reject(error) : resolve(),
    );
  });
}

/** `{ type, payload }` messages from the parent, to a forked child. */
export function onRequest<T>(
  type: string,
  handle: (payload: T) => void | Promise<void>,
): void {
  process.on('message', message => {
    if ((message as Message<T> | undefined)?.type === type) {
      void handle((message as Message<T>).payload);
    }
  });
}

/**
 * Ends a child that `answer`s requests: it exits once disconnected (writing its CPU profile, if
 * it was asked for one), or is killed after `graceMs`.
 */
export async function stopChild(
  child: ChildProcess,
  graceMs = 10_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const timer = setTimeout(() => child.kill(), graceMs);
  if (child.connected) child.disconnect();
  else child.kill();
  await exited;
  clearTimeout(timer);
}

/** Sends a message of `type` to a forked child. */
export function request<T>(
  child: ChildProcess,
  type: string,
  payload: T,
): void {
  child.send({ type, payload } satisfies Message<T>);
}

/**
 * In a forked child: answers each request of `type` with a `replyType` message holding what
 * `handle` resolves to; a failure is printed and ends the child, which fails the parent's
 * `receive`.
 */
export function answer<Req, Res>(
  type: string,
  replyType: string,
  handle: (payload: Req) => Promise<Res>,
): void {
  // The parent is done with this child (`stopChild`): exit, which writes a CPU profile.
  process.once('disconnect', () => process.exit(0));
  onRequest<Req>(type, async payload => {
    try {
      await reply(replyType, await handle(payload));
    } catch (error) {
      process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
      process.exit(1);
    }
  });
}
