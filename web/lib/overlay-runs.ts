import type { ApiRun } from '@orthoscope/shared';

/** Live run states by id, each with the time (ms) it arrived. */
export type RunUpdates = Record<string, { run: ApiRun; at: number }>;

/**
 * Query rows with the live updates laid over them — only updates that arrived after the rows
 * were loaded (`loadedAt`, ms): a re-read after a reconnect must win over a state the socket
 * delivered before it dropped. Fields an update lacks are kept from the row.
 */
export function overlayRuns<T extends ApiRun>(rows: readonly T[], updates: RunUpdates, loadedAt: number): T[] {
  return rows.map((r) => {
    const u = updates[r.id];
    return u && u.at > loadedAt ? { ...r, ...u.run } : r;
  });
}
