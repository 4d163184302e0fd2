import { randomUUID } from 'node:crypto';
import type { TrainEvent } from '@orthoscope/shared';
import type { MetricPoint, MetricSplit, RunPatch, RunRecord, RunStatus } from '../storage/records';
import type { RunRepository } from '../storage/run-repository';
import { DivergenceMonitor } from './divergence-rules';
import type { RunProcess, RunProcessExit } from './run-process';
import type { RunnerEvents } from './runner-events';

/** Why the server asked a run to stop; decides the final status. */
export type StopReason = 'user' | 'diverged' | 'shutdown' | 'deleted';

/** runUpdates during training: at most one per this many ms (status changes always go out). */
const PROGRESS_INTERVAL_MS = 1000;

/**
 * The server side of one running process: stores every point as it arrives, watches the
 * divergence rules, and turns the process's end into the run's final status.
 */
export class RunExecution {
  private process: RunProcess | null = null;
  private stopReason: StopReason | null = null;
  private divergence: string | null = null;
  private finished: 'completed' | 'stopped' | null = null;
  private lastProgress = 0;
  private readonly monitor: DivergenceMonitor;
  readonly ended: Promise<void>;
  private end!: () => void;

  constructor(
    private readonly run: RunRecord,
    private readonly repository: RunRepository,
    private readonly events: RunnerEvents,
    private readonly stopFile: string,
    private readonly stopGraceMs: number,
  ) {
    const evalLimit = run.config.evalLimit;
    this.monitor = new DivergenceMonitor(run.alertRules, { chance: chanceOf(run), evalSize: typeof evalLimit === 'number' ? evalLimit : null });
    this.ended = new Promise((resolve) => { this.end = resolve; });
  }

  /** The process id while the process runs. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Attaches the process whose events and exit this execution handles. */
  attach(process: RunProcess): void {
    this.process = process;
    if (this.stopReason) process.stop(this.stopFile, this.stopGraceMs);
  }

  /** Asks the process to stop at its next iteration (killed after the grace period). */
  requestStop(reason: StopReason): void {
    if (!this.stopReason || reason === 'shutdown' || reason === 'deleted') this.stopReason = reason;
    if (reason === 'shutdown' || reason === 'deleted') this.process?.kill();
    else this.process?.stop(this.stopFile, this.stopGraceMs);
  }

  handleEvent(event: TrainEvent): void {
    if (this.stopReason === 'deleted') return;
    const now = Date.now();
    switch (event.type) {
      case 'start':
        this.update({ backend: event.backend, device: event.device, iteration: event.iteration, totalIterations: event.totalIterations }, true);
        break;
      case 'train':
      case 'eval': {
        const split: MetricSplit = event.type === 'train' ? 'TRAIN' : 'VALIDATION';
        const points: MetricPoint[] = Object.entries(event.metrics)
          .map(([name, value]) => ({ name, split, iteration: event.iteration, value, time: now }));
        this.repository.appendPoints(this.run.id, points);
        this.events.metrics(this.run.id, points);
        this.update({ iteration: event.iteration }, event.type === 'eval' || now - this.lastProgress >= PROGRESS_INTERVAL_MS);
        this.watch(event);
        break;
      }
      case 'checkpoint':
        this.repository.insertCheckpoint({ runId: this.run.id, iteration: event.iteration, path: event.path, createdAt: now });
        break;
      case 'done':
        this.finished = event.reason;
        break;
    }
  }

  handleExit(exit: RunProcessExit): void {
    if (this.stopReason !== 'deleted') {
      const [status, error] = this.outcome(exit);
      this.update({ status, error, finishedAt: Date.now() }, true);
    }
    this.end();
  }

  private outcome(exit: RunProcessExit): [RunStatus, string | null] {
    if (this.stopReason === 'diverged') return ['DIVERGED', this.divergence];
    if (this.finished === 'completed') return ['SUCCEEDED', null];
    if (this.stopReason === 'shutdown') return ['INTERRUPTED', 'the server stopped during the run; resumeRun continues it from its last checkpoint'];
    if (this.stopReason === 'user') return ['STOPPED', 'stopped on request'];
    if (this.finished === 'stopped') return ['STOPPED', 'the training process stopped early'];
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    return ['FAILED', exit.error ? `${exit.error} (training process ${how})` : `training process ${how} before finishing`];
  }

  private watch(event: TrainEvent): void {
    for (const breach of this.monitor.observe(event)) {
      const autoStop = this.run.alertRules.autoStop && this.stopReason === null;
      const alert = { id: randomUUID(), runId: this.run.id, ...breach, autoStopped: autoStop, createdAt: Date.now() };
      this.repository.insertAlert(alert);
      this.events.alert(alert);
      if (autoStop) {
        this.divergence = breach.message;
        this.requestStop('diverged');
      }
    }
  }

  private update(patch: RunPatch, publish: boolean): void {
    const updated = this.repository.updateRun(this.run.id, patch);
    if (updated && publish) {
      this.lastProgress = Date.now();
      this.events.runUpdated(updated);
    }
  }
}

/** Accuracy of guessing for the divergence rule, when the run's kind knows its class count. */
function chanceOf(run: RunRecord): number | null {
  if (run.kind !== 'cnn') return null;
  return run.config.dataset === 'cifar100' ? 0.01 : 0.1;
}
