import type { ApiRunStatus } from '@orthoscope/shared';

export const RUN_STATUSES: readonly ApiRunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED', 'DIVERGED', 'INTERRUPTED'];

/** Statuses in which a run still changes (worth polling / subscribing). */
export function isActive(status: ApiRunStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

/** Statuses from which resumeRun continues from the last checkpoint. */
export function isResumable(status: ApiRunStatus): boolean {
  return status === 'INTERRUPTED' || status === 'STOPPED' || status === 'FAILED' || status === 'DIVERGED';
}

/**
 * What the run page offers to continue an ended run: resume from its newest checkpoint, or — with
 * none saved (resumeRun then starts over) — a restart that says so; null when it cannot continue.
 */
export function resumeAction(status: ApiRunStatus, checkpoints: number): { label: string; title: string } | null {
  if (!isResumable(status)) return null;
  if (checkpoints > 0) return { label: 'Resume from last checkpoint', title: `Continue from the newest of its ${checkpoints} checkpoint${checkpoints === 1 ? '' : 's'}` };
  return { label: 'Restart from iteration 0', title: 'No checkpoint was saved: the run starts over' };
}
