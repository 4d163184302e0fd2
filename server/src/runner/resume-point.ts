import { resumableCheckpoint, type ResumableCheckpoint } from '../engine/checkpoint-optimizer';
import type { RunRepository } from '../storage/run-repository';

/**
 * The checkpoint a (re)started run continues from: the newest `iter-<N>` in `checkpointDir` that
 * holds optimizer state (only the newest written keeps it), or null to start from scratch.
 * Normally that is the run's last recorded checkpoint. If the server died after the child wrote a
 * checkpoint (and dropped the previous one's optimizer state) but before its record reached the
 * database, the last recorded one is weights-only: the newer one on disk is recorded here and used.
 */
export async function resumePoint(repository: RunRepository, runId: string, checkpointDir: string): Promise<ResumableCheckpoint | null> {
  const onDisk = await resumableCheckpoint(checkpointDir);
  if (onDisk && !repository.listCheckpoints(runId).some((c) => c.iteration === onDisk.iteration)) {
    repository.insertCheckpoint({ runId, iteration: onDisk.iteration, path: onDisk.path, createdAt: Date.now() });
  }
  return onDisk;
}
