import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../runner/divergence-rules';
import type { MetricPoint, RunRecord } from '../records';
import { openSqliteRepository } from './sqlite-repository';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orthoscope-db-'));
  dirs.push(dir);
  return join(dir, 'test.db');
}

function run(id: string, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    id, name: id, kind: 'cnn', status: 'QUEUED', config: { lr: 1 }, alertRules: DEFAULT_ALERT_RULES, tags: [],
    sweepId: null, createdAt: 1000, startedAt: null, finishedAt: null, iteration: 0, totalIterations: null,
    backend: null, device: null, error: null, ...extra,
  };
}

function trainPoints(name: string, values: number[]): MetricPoint[] {
  return values.map((value, i) => ({ name, split: 'TRAIN', iteration: i + 1, value, time: 5000 + i }));
}

describe('openSqliteRepository', () => {
  it('run round-trip: insert, patch, filter by status/tag/sweep, cursor, delete', () => {
    const repo = openSqliteRepository(tempDb());
    repo.insertSweep({ id: 's1', name: 'sweep', createdAt: 1, orthoWeights: [0, 0.1], includeHouseholder: true });
    repo.insertRun(run('a', { tags: ['x'] }));
    repo.insertRun(run('b', { sweepId: 's1' }));
    repo.insertRun(run('c', { tags: ['x', 'y'] }));
    expect(repo.updateRun('b', { status: 'RUNNING', iteration: 7, error: null })).toMatchObject({ status: 'RUNNING', iteration: 7 });
    expect(repo.updateRun('nope', { status: 'RUNNING' })).toBeUndefined();
    expect(repo.listRuns().map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(repo.listRuns({ status: 'RUNNING' }).map((r) => r.id)).toEqual(['b']);
    expect(repo.listRuns({ tag: 'x' }).map((r) => r.id)).toEqual(['c', 'a']);
    expect(repo.listRuns({ sweepId: 's1' }).map((r) => r.id)).toEqual(['b']);
    expect(repo.listRuns({ first: 1, after: 'c' }).map((r) => r.id)).toEqual(['b']);
    expect(repo.getSweep('s1')).toMatchObject({ orthoWeights: [0, 0.1], includeHouseholder: true });
    repo.appendPoints('a', trainPoints('loss', [1, 2]));
    expect(repo.deleteRun('a')).toBe(true);
    expect(repo.deleteRun('a')).toBe(false);
    expect(repo.countPoints('a')).toBe(0);
    repo.close();
  });

  it('1000 points, maxPoints=10: 10 buckets of 100 whose max keeps a single spike', () => {
    const repo = openSqliteRepository(tempDb());
    repo.insertRun(run('r'));
    const values = Array.from({ length: 1000 }, (_, i) => (i === 555 ? 1e6 : i % 7));
    repo.appendPoints('r', trainPoints('loss', values));
    const [series] = repo.series('r', { maxPoints: 10 });
    expect(series.points).toHaveLength(10);
    expect(series.points.map((p) => p.count)).toEqual(Array(10).fill(100));
    expect(series.points[5]).toMatchObject({ iteration: 600, max: 1e6, min: 0 });
    expect(series.points[4].max).toBe(6);
    expect(series.points[9]).toMatchObject({ iteration: 1000, time: 5999 });
    repo.close();
  });

  it('fromIteration/toIteration: maxPoints buckets of the range only (inclusive), open ends, empty range', () => {
    const repo = openSqliteRepository(tempDb());
    repo.insertRun(run('r'));
    repo.appendPoints('r', trainPoints('loss', Array.from({ length: 1000 }, (_, i) => i + 1)));
    const [zoomed] = repo.series('r', { maxPoints: 10, fromIteration: 201, toIteration: 300 });
    expect(zoomed.points.map((p) => [p.iteration, p.count, p.min, p.max])).toEqual(
      Array.from({ length: 10 }, (_, b) => [210 + b * 10, 10, 201 + b * 10, 210 + b * 10]));
    const [head] = repo.series('r', { maxPoints: 1000, toIteration: 3 });
    expect(head.points.map((p) => p.iteration)).toEqual([1, 2, 3]);
    const [tail] = repo.series('r', { maxPoints: 2, fromIteration: 997 });
    expect(tail.points.map((p) => [p.iteration, p.count])).toEqual([[998, 2], [1000, 2]]);
    expect(repo.series('r', { maxPoints: 5, fromIteration: 2000 })).toEqual([{ name: 'loss', split: 'TRAIN', points: [] }]);
    repo.close();
  });

  it('NaN and ±∞: stored exactly, counted per bucket, left out of mean/min/max', () => {
    const repo = openSqliteRepository(tempDb());
    repo.insertRun(run('r'));
    repo.appendPoints('r', trainPoints('loss', [1, NaN, Infinity, -Infinity, 3]));
    expect(repo.allPoints('r').map((p) => p.value)).toEqual([1, NaN, Infinity, -Infinity, 3]);
    const [series] = repo.series('r', { maxPoints: 1 });
    expect(series.points).toEqual([{ iteration: 5, value: 2, min: 1, max: 3, time: 5004, count: 5, nonFinite: 3 }]);
    expect(repo.latestPoints('r')).toMatchObject([{ name: 'loss', iteration: 5, value: 3 }]);
    repo.close();
  });

  it('names and split filters; fewer points than maxPoints are returned unchanged', () => {
    const repo = openSqliteRepository(tempDb());
    repo.insertRun(run('r'));
    repo.appendPoints('r', [...trainPoints('accuracy', [0.1, 0.2]), ...trainPoints('loss', [3, 2]),
      { name: 'accuracy', split: 'VALIDATION', iteration: 1, value: 0.15, time: 1 }]);
    const all = repo.series('r', { maxPoints: 1000 });
    expect(all.map((s) => `${s.name}/${s.split}/${s.points.length}`)).toEqual(['accuracy/TRAIN/2', 'accuracy/VALIDATION/1', 'loss/TRAIN/2']);
    expect(repo.series('r', { names: ['accuracy'], split: 'VALIDATION', maxPoints: 5 })).toEqual([
      { name: 'accuracy', split: 'VALIDATION', points: [{ iteration: 1, value: 0.15, min: 0.15, max: 0.15, time: 1, count: 1, nonFinite: 0 }] },
    ]);
    repo.close();
  });

  it('reopened database keeps runs, points, alerts and checkpoints; deletePointsAfter trims', () => {
    const path = tempDb();
    const repo = openSqliteRepository(path);
    repo.insertRun(run('r'));
    repo.appendPoints('r', trainPoints('loss', [1, 2, 3, 4]));
    repo.insertAlert({ id: 'al', runId: 'r', rule: 'NON_FINITE_LOSS', message: 'm', iteration: 3, value: NaN, threshold: null, autoStopped: true, createdAt: 9 });
    repo.insertCheckpoint({ runId: 'r', iteration: 2, path: '/c/2', createdAt: 9 });
    repo.insertCheckpoint({ runId: 'r', iteration: 4, path: '/c/4', createdAt: 9 });
    repo.close();
    const again = openSqliteRepository(path);
    expect(again.countPoints('r')).toBe(4);
    expect(again.listAlerts('r')[0]).toMatchObject({ rule: 'NON_FINITE_LOSS', value: NaN, autoStopped: true });
    again.deletePointsAfter('r', 2);
    again.deleteCheckpointsAfter('r', 2);
    expect(again.allPoints('r').map((p) => p.iteration)).toEqual([1, 2]);
    expect(again.latestPoints('r')).toMatchObject([{ name: 'loss', iteration: 2, value: 2 }]);
    again.appendPoints('r', [{ name: 'loss', split: 'TRAIN', iteration: 1, value: 9, time: 1 }]);
    expect(again.latestPoints('r')[0].iteration).toBe(2); // a re-measured earlier point is not the latest
    expect(again.listCheckpoints('r').map((c) => c.path)).toEqual(['/c/2']);
    again.close();
  });
});
