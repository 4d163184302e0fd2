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
