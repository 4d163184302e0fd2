/**
 * Entry of a run's own process (forked by run-process.ts with tsx): trains one run, or probes the
 * backend, and reports over IPC. A crash here ends only this process; the parent marks the run.
 */
import { existsSync } from 'node:fs';
import type { ChildMessage, ParentMessage } from './messages';

let stopRequested = false;
const pending = new Set<Promise<void>>();

function send(message: ChildMessage): Promise<void> {
  const sent = new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, {}, () => resolve());
  });
  pending.add(sent);
  void sent.then(() => pending.delete(sent));
  return sent;
}

/** Exits once every message is handed to the channel, so that the last points are not lost. */
async function exit(code: number): Promise<never> {
  await Promise.all(pending);
  process.exit(code);
}

async function fail(error: unknown): Promise<never> {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof Error ? error.stack : message}\n`);
  void send({ type: 'error', message });
  return exit(1);
}

async function start(message: Extract<ParentMessage, { type: 'start' }>): Promise<void> {
  const { runExperiment } = await import('../../engine/run-experiment');
  const options = {
    dataRoot: message.dataRoot, download: message.download, backend: message.backend,
    onDataProgress: (progress: unknown) => process.stdout.write(`data: ${JSON.stringify(progress)}\n`),
  };
  await runExperiment(message.config as never, options, {
    onEvent: (event) => { void send({ type: 'event', event }); },
    // The stop file and the lost channel are checked synchronously: IPC messages only arrive
    // when the training loop lets the event loop turn.
    shouldStop: () => stopRequested || !process.connected || existsSync(message.stopFile),
    checkpointDir: message.checkpointDir,
    resumeFrom: message.resumeFrom ?? undefined,
  });
}

async function probe(message: Extract<ParentMessage, { type: 'probe' }>): Promise<void> {
  const { initBackend } = await import('../../engine/backend');
  const info = await initBackend(message.backend);
  await send({ type: 'probe', backend: info.backend, device: info.device });
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') { stopRequested = true; return; }
  const work = message.type === 'start' ? start(message) : probe(message);
  work.then(() => exit(0), fail);
});
// The server is gone (killed or stopped): nobody stores our points any more.
process.on('disconnect', () => process.exit(1));
// Ctrl-C in a terminal and `npm start`'s shutdown signal the whole process group: the server
// decides what happens to its runs (it kills them and marks them INTERRUPTED, resumable).
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.on('uncaughtException', (error) => { void fail(error); });
