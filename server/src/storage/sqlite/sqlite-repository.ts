import type Database from 'better-sqlite3';
import type { RunRepository } from '../run-repository';
import { openDatabase } from './open-database';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteMetricStore } from './sqlite-metric-store';
import { SqliteRunStore } from './sqlite-run-store';

/** Opens the SQLite repository at `path` (e.g. ORTHOSCOPE_HOME/orthoscope.db, or ':memory:'). */
export function openSqliteRepository(path: string): RunRepository {
  const db: Database.Database = openDatabase(path);
  const runs = new SqliteRunStore(db);
  const metrics = new SqliteMetricStore(db);
  const events = new SqliteEventStore(db);
  return {
    insertRun: (r) => runs.insertRun(r),
    updateRun: (id, p) => runs.updateRun(id, p),
    getRun: (id) => runs.getRun(id),
    listRuns: (f) => runs.listRuns(f),
    deleteRun: (id) => runs.deleteRun(id),
    insertSweep: (s) => runs.insertSweep(s),
    getSweep: (id) => runs.getSweep(id),
    listSweeps: (first) => runs.listSweeps(first),
    appendPoints: (id, points) => metrics.appendPoints(id, points),
    deletePointsAfter: (id, it) => metrics.deletePointsAfter(id, it),
    series: (id, q) => metrics.series(id, q),
    latestPoints: (id, split) => metrics.latestPoints(id, split),
    allPoints: (id) => metrics.allPoints(id),
    countPoints: (id) => metrics.countPoints(id),
    insertAlert: (a) => events.insertAlert(a),
    listAlerts: (id) => events.listAlerts(id),
    insertCheckpoint: (c) => events.insertCheckpoint(c),
    listCheckpoints: (id) => events.listCheckpoints(id),
    deleteCheckpointsAfter: (id, it) => events.deleteCheckpointsAfter(id, it),
    close: () => db.close(),
  };
}
