import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidFieldError, type ExperimentKind } from '@orthoscope/shared';
import type { BackendPreference } from '../engine/backend';
import type { AlertRules, RunRecord, RunStatus } from '../storage/records';
import type { RunRepository } from '../storage/run-repository';
import { RunExecution } from './run-execution';
import { spawnRunProcess } from './run-process';
import type { RunQueue } from './run-queue';
import { resumePoint } from './resume-point';
import type { RunnerEvents } from './runner-events';

/** Options of RunManager. */
export interface RunManagerOptions {
  repository: RunRepository;
  queue: RunQueue;
  events: RunnerEvents;
  /** ORTHOSCOPE_HOME: each run keeps its log and checkpoints in `runs/<id>/`. */
  home: string;
  dataRoot: string;
  backend: BackendPreference;
  download: boolean;
  /** Child entry of run processes (default runner/child/run-child.ts). */
  childEntry?: string;
  /** How long a stopping run may take to finish its iteration before it is killed (default 30 s). */
  stopGraceMs?: number;
}

/** A validated run to create. */
export interface NewRun {
  name: string;
  kind: ExperimentKind;
  config: Record<string, unknown>;
  alertRules: AlertRules;
  tags: string[];
  sweepId: string | null;
}

/** A run that does not exist. */
export class RunNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No run with id ${JSON.stringify(id)}`);
    this.name = 'RunNotFoundError';
  }
}

const RESUMABLE: readonly RunStatus[] = ['INTERRUPTED', 'STOPPED', 'FAILED', 'DIVERGED'];

/** Run lifecycle: QUEUED → RUNNING → SUCCEEDED | FAILED | STOPPED | DIVERGED (INTERRUPTED after a restart). */
export class RunManager {
  private readonly active = new Map<string, RunExecution>();

  constructor(private readonly options: RunManagerOptions) {
    options.queue.process((id) => this.execute(id));
  }

  /** After a restart: runs left RUNNING become INTERRUPTED; QUEUED runs are queued again, oldest first. */
  async recover(): Promise<void> {
    const { repository } = this.options;
    for (const run of repository.listRuns({ status: 'RUNNING' })) {
      this.patch(run.id, { status: 'INTERRUPTED', finishedAt: Date.now(), error: 'the server stopped during the run; resumeRun continues it from its last checkpoint' });
    }
    for (const run of repository.listRuns({ status: 'QUEUED' }).reverse()) await this.options.queue.enqueue(run.id);
  }

  /** Stores the run as QUEUED and queues it. */
  async create(newRun: NewRun): Promise<RunRecord> {
    const run: RunRecord = {
      id: randomUUID(), ...newRun, status: 'QUEUED', createdAt: Date.now(), startedAt: null, finishedAt: null,
      iteration: 0, totalIterations: null, backend: null, device: null, error: null,
    };
    this.options.repository.insertRun(run);
    this.options.events.runUpdated(run);
    await this.options.queue.enqueue(run.id);
    return run;
  }

  /** A queued run becomes STOPPED at once; a running one is asked to stop (status follows on exit). */
  async stop(id: string): Promise<RunRecord> {
    const run = this.get(id);
    if (run.status === 'QUEUED' && (await this.options.queue.remove(id))) {
      return this.patch(id, { status: 'STOPPED', finishedAt: Date.now(), error: 'stopped on request before it started' });
    }
    this.active.get(id)?.requestStop('user');
    return this.get(id);
  }

  /** Queues an INTERRUPTED, STOPPED, FAILED or DIVERGED run again; it continues from its last checkpoint. */
  async resume(id: string): Promise<RunRecord> {
    const run = this.get(id);
    if (!RESUMABLE.includes(run.status) || this.active.has(id)) {
      throw new InvalidFieldError('id', id, `run is ${run.status}; only ${RESUMABLE.join(', ')} runs can be resumed`);
    }
    const queued = this.patch(id, { status: 'QUEUED', finishedAt: null, error: null });
    await this.options.queue.enqueue(id);
    return queued;
  }

  /** Deletes a run with its points, alerts, checkpoints and files, killing its process first. */
  async delete(id: string): Promise<boolean> {
    this.get(id);
    await this.options.queue.remove(id);
    const execution = this.active.get(id);
    if (execution) {
      execution.requestStop('deleted');
      await execution.ended;
    }
    const deleted = this.options.repository.deleteRun(id);
    rmSync(this.runDir(id), { recursive: true, force: true });
    return deleted;
  }

  async counts(): Promise<{ queued: number; running: number }> {
    const { waiting, active } = await this.options.queue.counts();
    return { queued: waiting, running: active };
  }

  /** Stops the queue and kills running processes; their runs become INTERRUPTED. */
  async shutdown(): Promise<void> {
    await this.options.queue.close();
    const executions = [...this.active.values()];
    for (const e of executions) e.requestStop('shutdown');
    await Promise.all(executions.map((e) => e.ended));
  }

  /** The run's process id while it runs (tests kill it to simulate a crash). */
  pidOf(id: string): number | undefined {
    return this.active.get(id)?.pid;
  }

  private async execute(id: string): Promise<void> {
    const { repository } = this.options;
    const queued = repository.getRun(id);
    if (!queued || queued.status !== 'QUEUED') return;
    const dir = this.runDir(id);
    const last = await resumePoint(repository, id, join(dir, 'checkpoints'));
    // A resumed run measures again everything after its checkpoint.
    repository.deletePointsAfter(id, last?.iteration ?? 0);
    repository.deleteCheckpointsAfter(id, last?.iteration ?? 0);
    const stopFile = join(dir, 'STOP');
    rmSync(stopFile, { force: true });
    const run = this.patch(id, { status: 'RUNNING', startedAt: queued.startedAt ?? Date.now(), iteration: last?.iteration ?? 0, error: null });
    const execution = new RunExecution(run, repository, this.options.events, stopFile, this.options.stopGraceMs ?? 30_000);
    this.active.set(id, execution);
    try {
      this.spawn(execution, run, dir, stopFile, last?.path ?? null);
      await execution.ended;
    } finally {
      this.active.delete(id);
    }
  }

  private spawn(execution: RunExecution, run: RunRecord, dir: string, stopFile: string, resumeFrom: string | null): void {
    try {
      execution.attach(spawnRunProcess({
        type: 'start', config: run.config, dataRoot: this.options.dataRoot, download: this.options.download,
        backend: this.options.backend, checkpointDir: join(dir, 'checkpoints'), resumeFrom, stopFile,
      }, {
        logFile: join(dir, 'run.log'),
        entry: this.options.childEntry,
        onEvent: (event) => execution.handleEvent(event),
        onExit: (exit) => execution.handleExit(exit),
      }));
    } catch (error) {
      execution.handleExit({ code: null, signal: null, error: `could not start the training process: ${(error as Error).message}` });
    }
  }

  private runDir(id: string): string {
    return join(this.options.home, 'runs', id);
  }

  private get(id: string): RunRecord {
    const run = this.options.repository.getRun(id);
    if (!run) throw new RunNotFoundError(id);
    return run;
  }

  private patch(id: string, patch: Parameters<RunRepository['updateRun']>[1]): RunRecord {
    const run = this.options.repository.updateRun(id, patch);
    if (!run) throw new RunNotFoundError(id);
    this.options.events.runUpdated(run);
    return run;
  }
}
