import type Database from 'better-sqlite3';
import type { RunFilter, RunPatch, RunRecord, SweepRecord } from '../records';

interface RunRow {
  id: string; name: string; kind: string; status: string; config: string; alert_rules: string; tags: string;
  sweep_id: string | null; created_at: number; started_at: number | null; finished_at: number | null;
  iteration: number; total_iterations: number | null; backend: string | null; device: string | null; error: string | null;
}

const PATCH_COLUMNS: Record<keyof RunPatch, string> = {
  status: 'status', startedAt: 'started_at', finishedAt: 'finished_at', iteration: 'iteration',
  totalIterations: 'total_iterations', backend: 'backend', device: 'device', error: 'error',
};

/** Runs and sweeps in SQLite. */
export class SqliteRunStore {
  constructor(private readonly db: Database.Database) {}

  insertRun(run: RunRecord): void {
    this.db.prepare(`INSERT INTO runs (id, name, kind, status, config, alert_rules, tags, sweep_id, created_at,
        started_at, finished_at, iteration, total_iterations, backend, device, error)
      VALUES (@id, @name, @kind, @status, @config, @alertRules, @tags, @sweepId, @createdAt,
        @startedAt, @finishedAt, @iteration, @totalIterations, @backend, @device, @error)`).run({
      ...run, config: JSON.stringify(run.config), alertRules: JSON.stringify(run.alertRules), tags: JSON.stringify(run.tags),
    });
  }

  updateRun(id: string, patch: RunPatch): RunRecord | undefined {
    const keys = (Object.keys(patch) as (keyof RunPatch)[]).filter((k) => patch[k] !== undefined);
    if (keys.length > 0) {
      const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ');
      this.db.prepare(`UPDATE runs SET ${sets} WHERE id = @id`).run({ ...pick(patch, keys), id });
    }
    return this.getRun(id);
  }

  getRun(id: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row && toRun(row);
  }

  listRuns(filter: RunFilter = {}): RunRecord[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { first: filter.first ?? -1 };
    if (filter.status) { where.push('status = @status'); params.status = filter.status; }
    if (filter.sweepId) { where.push('sweep_id = @sweepId'); params.sweepId = filter.sweepId; }
    if (filter.tag) { where.push('EXISTS (SELECT 1 FROM json_each(runs.tags) WHERE value = @tag)'); params.tag = filter.tag; }
    if (filter.after) { where.push('seq < (SELECT seq FROM runs WHERE id = @after)'); params.after = filter.after; }
    const sql = `SELECT * FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @first`;
    return (this.db.prepare(sql).all(params) as RunRow[]).map(toRun);
  }

  deleteRun(id: string): boolean {
    return this.db.transaction(() => {
      for (const table of ['points', 'series_latest', 'alerts', 'checkpoints']) this.db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(id);
      return this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
    })();
  }

  insertSweep(sweep: SweepRecord): void {
    this.db.prepare(`INSERT INTO sweeps (id, name, created_at, ortho_weights, include_householder)
      VALUES (?, ?, ?, ?, ?)`).run(sweep.id, sweep.name, sweep.createdAt, JSON.stringify(sweep.orthoWeights), sweep.includeHouseholder ? 1 : 0);
  }

  getSweep(id: string): SweepRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sweeps WHERE id = ?').get(id) as SweepRow | undefined;
    return row && toSweep(row);
  }

  listSweeps(first = -1): SweepRecord[] {
    return (this.db.prepare('SELECT * FROM sweeps ORDER BY created_at DESC LIMIT ?').all(first) as SweepRow[]).map(toSweep);
  }
}

interface SweepRow { id: string; name: string; created_at: number; ortho_weights: string; include_householder: number }

function toSweep(row: SweepRow): SweepRecord {
  return {
    id: row.id, name: row.name, createdAt: row.created_at,
    orthoWeights: JSON.parse(row.ortho_weights), includeHouseholder: row.include_householder === 1,
  };
}

function toRun(row: RunRow): RunRecord {
  return {
    id: row.id, name: row.name, kind: row.kind as RunRecord['kind'], status: row.status as RunRecord['status'],
    config: JSON.parse(row.config), alertRules: JSON.parse(row.alert_rules), tags: JSON.parse(row.tags),
    sweepId: row.sweep_id, createdAt: row.created_at, startedAt: row.started_at, finishedAt: row.finished_at,
    iteration: row.iteration, totalIterations: row.total_iterations, backend: row.backend, device: row.device, error: row.error,
  };
}

function pick<T extends object>(o: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Partial<T>;
}
