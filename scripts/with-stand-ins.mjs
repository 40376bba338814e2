#!/usr/bin/env node
/*
 * `node scripts/with-stand-ins.mjs <command> [args...]`: starts every local stand-in of
 * scripts/stand-ins.mjs, waits until each answers, runs the command, and stops the stand-ins when
 * the command ends (or the command when a stand-in dies). Their output is prefixed with their name.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { standIns } from './stand-ins.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = 120_000;

function log(message) {
  process.stderr.write(`[stand-ins] ${message}\n`);
}

function prefixed(stream, name, out) {
  readline
    .createInterface({ input: stream })
    .on('line', line => out.write(`[${name}] ${line}\n`));
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  process.exitCode = code;
}

async function startStandIn(standIn) {
  if (await answers(standIn.readyUrl)) {
    log(`${standIn.name} already answers at ${standIn.readyUrl}; using it`);
    return;
  }
  log(`starting ${standIn.name} (${standIn.standsFor})`);
  const child = spawn(standIn.command, {
    cwd: root,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  prefixed(child.stdout, standIn.name, process.stdout);
  prefixed(child.stderr, standIn.name, process.stderr);
  let exited = false;
  child.on('exit', code => {
    exited = true;
    if (!stopping) {
      log(`${standIn.name} exited (${code}); stopping`);
      stopAll(1);
    }
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(standIn.readyUrl))) {
    if (exited) throw new Error(`${standIn.name} exited before it was ready`);
    if (Date.now() > deadline) {
      throw new Error(
        `${standIn.name} did not answer at ${standIn.readyUrl} within ${
          READY_TIMEOUT_MS / 1000
        } s`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
  log(`${standIn.name} ready at ${standIn.readyUrl}`);
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  log('usage: node scripts/with-stand-ins.mjs <command> [args...]');
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopAll(130));
}
try {
  for (const standIn of standIns) {
    await startStandIn(standIn);
    if (stopping) break;
  }
} catch (e) {
  log(e.message);
  stopAll(1);
}
if (!stopping) {
  const main = spawn(command, args, { stdio: 'inherit', detached: true });
  children.push(main);
  main.on('exit', (code, signal) => stopAll(code ?? (signal ? 1 : 0)));
}
