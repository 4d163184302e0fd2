import type { ApiRun } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { overlayRuns } from './overlay-runs';

const run = (status: ApiRun['status'], iteration: number, extra: object = {}) =>
  ({ id: 'r1', status, iteration, name: 'r', ...extra }) as unknown as ApiRun & { latestMetrics?: unknown[] };

describe('overlayRuns', () => {
  it('an update newer than the rows wins; fields it lacks (latestMetrics) stay', () => {
    const rows = [run('RUNNING', 5, { latestMetrics: [1] })];
    const out = overlayRuns(rows, { r1: { run: run('SUCCEEDED', 9), at: 2000 } }, 1000);
    expect(out[0]).toMatchObject({ status: 'SUCCEEDED', iteration: 9, latestMetrics: [1] });
  });
  it('an update older than a re-read (before an API restart) does not hide the re-read state', () => {
    const rows = [run('INTERRUPTED', 7)];
    const out = overlayRuns(rows, { r1: { run: run('RUNNING', 7), at: 1000 } }, 2000);
    expect(out[0].status).toBe('INTERRUPTED');
  });
  it('runs without updates are returned as they are', () => {
    const rows = [run('QUEUED', 0)];
    expect(overlayRuns(rows, {}, 0)[0]).toBe(rows[0]);
  });
});
