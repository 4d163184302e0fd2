import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  `CREATE TABLE sweeps (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at REAL NOT NULL,
     ortho_weights TEXT NOT NULL, include_householder INTEGER NOT NULL);
   CREATE TABLE runs (
     seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
     kind TEXT NOT NULL, status TEXT NOT NULL, config TEXT NOT NULL, alert_rules TEXT NOT NULL,
     tags TEXT NOT NULL, sweep_id TEXT REFERENCES sweeps(id), created_at REAL NOT NULL,
     started_at REAL, finished_at REAL, iteration INTEGER NOT NULL DEFAULT 0, total_iterations INTEGER,
     backend TEXT, device TEXT, error TEXT);
   CREATE INDEX runs_status ON runs(status);
   CREATE INDEX runs_sweep ON runs(sweep_id);
   -- special: 0 finite, 1 NaN, 2 +Infinity, 3 -Infinity (value is NULL unless finite, so that
   -- AVG/MIN/MAX work on finite values and non-finite ones are still counted and exported).
   CREATE TABLE points (
     run_id TEXT NOT NULL, split TEXT NOT NULL, name TEXT NOT NULL, iteration INTEGER NOT NULL,
     value REAL, special INTEGER NOT NULL, time REAL NOT NULL,
     PRIMARY KEY (run_id, split, name, iteration)) WITHOUT ROWID;
   CREATE TABLE alerts (
     id TEXT PRIMARY KEY, run_id TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL,
     iteration INTEGER NOT NULL, value REAL, special INTEGER NOT NULL, threshold REAL,
     auto_stopped INTEGER NOT NULL, created_at REAL NOT NULL);
   CREATE INDEX alerts_run ON alerts(run_id, created_at);
   CREATE TABLE checkpoints (
     run_id TEXT NOT NULL, iteration INTEGER NOT NULL, path TEXT NOT NULL, created_at REAL NOT NULL,
     PRIMARY KEY (run_id, iteration));`,
  // The last point of every series: the catalogue of a run's series and its latest values
  // without scanning the run's points.
  `CREATE TABLE series_latest (
     run_id TEXT NOT NULL, split TEXT NOT NULL, name TEXT NOT NULL, iteration INTEGER NOT NULL,
     value REAL, special INTEGER NOT NULL, time REAL NOT NULL,
     PRIMARY KEY (run_id, split, name)) WITHOUT ROWID;
   INSERT INTO series_latest SELECT p.run_id, p.split, p.name, p.iteration, p.value, p.special, p.time
     FROM points p JOIN (SELECT run_id, split, name, MAX(iteration) AS iteration FROM points GROUP BY run_id, split, name) l
     ON p.run_id = l.run_id AND p.split = l.split AND p.name = l.name AND p.iteration = l.iteration;`,
];

/**
 * Opens (creating when needed) the SQLite database at `path` in WAL mode and migrates it.
 * synchronous=NORMAL in WAL mode: a committed transaction survives a crash or kill -9 of the
 * process (only a power loss can take the last ones).
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}

/** Encodes a number for the (value, special) column pair. */
export function encodeValue(value: number): [number | null, number] {
  if (Number.isFinite(value)) return [value, 0];
  if (Number.isNaN(value)) return [null, 1];
  return [null, value > 0 ? 2 : 3];
}

/** Decodes the (value, special) column pair. */
export function decodeValue(value: number | null, special: number): number {
  if (special === 0 && value !== null) return value;
  return special === 2 ? Infinity : special === 3 ? -Infinity : NaN;
}
