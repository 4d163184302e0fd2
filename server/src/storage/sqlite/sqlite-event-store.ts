import type Database from 'better-sqlite3';
import type { AlertRecord, CheckpointRecord } from '../records';
import { decodeValue, encodeValue } from './open-database';

interface AlertRow {
  id: string; run_id: string; rule: AlertRecord['rule']; message: string; iteration: number; value: number | null;
  special: number; threshold: number | null; auto_stopped: number; created_at: number;
}
interface CheckpointRow { run_id: string; iteration: number; path: string; created_at: number }

/** Alerts and checkpoints in SQLite. */
export class SqliteEventStore {
  constructor(private readonly db: Database.Database) {}

  insertAlert(a: AlertRecord): void {
    const [value, special] = encodeValue(a.value);
    this.db.prepare(`INSERT INTO alerts (id, run_id, rule, message, iteration, value, special, threshold, auto_stopped, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.id, a.runId, a.rule, a.message, a.iteration, value, special, a.threshold, a.autoStopped ? 1 : 0, a.createdAt);
  }

  listAlerts(runId: string): AlertRecord[] {
    const rows = this.db.prepare('SELECT * FROM alerts WHERE run_id = ? ORDER BY created_at, iteration').all(runId) as AlertRow[];
    return rows.map((r) => ({
      id: r.id, runId: r.run_id, rule: r.rule, message: r.message, iteration: r.iteration,
      value: decodeValue(r.value, r.special), threshold: r.threshold, autoStopped: r.auto_stopped === 1, createdAt: r.created_at,
    }));
  }

  insertCheckpoint(c: CheckpointRecord): void {
    this.db.prepare('INSERT OR REPLACE INTO checkpoints (run_id, iteration, path, created_at) VALUES (?, ?, ?, ?)')
      .run(c.runId, c.iteration, c.path, c.createdAt);
  }

  listCheckpoints(runId: string): CheckpointRecord[] {
    const rows = this.db.prepare('SELECT * FROM checkpoints WHERE run_id = ? ORDER BY iteration').all(runId) as CheckpointRow[];
    return rows.map((r) => ({ runId: r.run_id, iteration: r.iteration, path: r.path, createdAt: r.created_at }));
  }

  deleteCheckpointsAfter(runId: string, iteration: number): void {
    this.db.prepare('DELETE FROM checkpoints WHERE run_id = ? AND iteration > ?').run(runId, iteration);
  }
}
