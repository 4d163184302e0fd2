import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainEvent } from '@orthoscope/shared';
import type { ChildMessage, ParentMessage } from './child/messages';

/** The child entry every run process starts from. */
export const RUN_CHILD_ENTRY = fileURLToPath(new URL('./child/run-child.ts', import.meta.url));

/** How a run's process ended. */
export interface RunProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The error the child reported before exiting, if any. */
  error: string | null;
}

/** Options of `spawnRunProcess`. */
export interface RunProcessOptions {
  /** File receiving the child's stdout and stderr (appended). */
  logFile: string;
  /** Child entry (default RUN_CHILD_ENTRY); tests may point at another script. */
  entry?: string;
  onEvent(event: TrainEvent): void;
  onExit(exit: RunProcessExit): void;
}

/** One run's training process, seen from the server. */
export interface RunProcess {
  readonly pid: number | undefined;
  /** Asks for a stop at the next iteration (message and stop file); kills after `graceMs` (default 30 s). */
  stop(stopFile: string, graceMs?: number): void;
  kill(): void;
}

/** Forks a child running `entry` under tsx and sends it `message`. */
export function spawnRunProcess(message: ParentMessage, options: RunProcessOptions): RunProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child: ChildProcess = fork(options.entry ?? RUN_CHILD_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', log, log, 'ipc'],
    serialization: 'advanced', // keeps NaN and ±Infinity in metric values
  });
  closeSync(log);
  let error: string | null = null;
  let killTimer: NodeJS.Timeout | undefined;
  child.on('message', (m: ChildMessage) => {
    try {
      if (m.type === 'event') options.onEvent(m.event);
      else if (m.type === 'error') error = m.message;
    } catch (e) {
      // A point that cannot be stored must not take the server down with it.
      console.error(`[orthoscope] run process ${child.pid}: could not handle ${m.type}:`, e);
    }
  });
  child.on('error', (e) => { error ??= e.message; });
  // 'close' (not 'exit') comes after the IPC channel has delivered its last message.
  child.on('close', (code, signal) => {
    clearTimeout(killTimer);
    options.onExit({ code, signal, error });
  });
  child.send(message);
  return {
    pid: child.pid,
    stop(stopFile, graceMs = 30_000) {
      try { writeFileSync(stopFile, 'stop\n'); } catch { /* the message below still asks */ }
      if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), graceMs);
    },
    kill() { child.kill('SIGKILL'); },
  };
}

/** Runs the child entry once to learn which backend and device a run would get. */
export function probeBackend(backend: ParentMessage & { type: 'probe' }, logFile: string, entry?: string): Promise<{ backend: string; device: string }> {
  mkdirSync(dirname(logFile), { recursive: true });
  return new Promise((resolve, reject) => {
    const log = openSync(logFile, 'a');
    const child = fork(entry ?? RUN_CHILD_ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', log, log, 'ipc'], serialization: 'advanced' });
    closeSync(log);
    let error = 'exited without reporting';
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'probe') resolve({ backend: m.backend, device: m.device });
      else if (m.type === 'error') error = m.message;
    });
    child.on('exit', () => reject(new Error(`backend probe failed: ${error}`)));
    child.send(backend);
  });
}
