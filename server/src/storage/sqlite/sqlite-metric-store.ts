import type Database from 'better-sqlite3';
import type { MetricPoint, MetricSeries, MetricSplit, SeriesQuery } from '../records';
import { decodeValue, encodeValue } from './open-database';

interface PointRow { name: string; split: MetricSplit; iteration: number; value: number | null; special: number; time: number }
interface BucketRow {
  name: string; split: MetricSplit; iteration: number; value: number | null; min: number | null; max: number | null;
  time: number; count: number; nonFinite: number;
}

/** Metric points in SQLite, with downsampling done in SQL. */
export class SqliteMetricStore {
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT OR REPLACE INTO points (run_id, split, name, iteration, value, special, time)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
  }

  appendPoints(runId: string, points: MetricPoint[]): void {
    this.db.transaction(() => {
      for (const p of points) {
        const [value, special] = encodeValue(p.value);
        this.insert.run(runId, p.split, p.name, p.iteration, value, special, p.time);
      }
    })();
  }

  deletePointsAfter(runId: string, iteration: number): void {
    this.db.prepare('DELETE FROM points WHERE run_id = ? AND iteration > ?').run(runId, iteration);
  }

  /**
   * Buckets each series' iteration range [lo, hi] into `maxPoints` equal slices
   * (bucket = (iteration − lo) · maxPoints ÷ (hi − lo + 1)); a series with fewer points keeps them all.
   */
  series(runId: string, query: SeriesQuery): MetricSeries[] {
    const { where, params } = seriesFilter(runId, query);
    const rows = this.db.prepare(`
      WITH bounds AS (
        SELECT split, name, MIN(iteration) AS lo, MAX(iteration) AS hi FROM points WHERE ${where} GROUP BY split, name)
      SELECT p.name, p.split, MAX(p.iteration) AS iteration, AVG(p.value) AS value, MIN(p.value) AS min,
        MAX(p.value) AS max, MAX(p.time) AS time, COUNT(*) AS count, SUM(p.special <> 0) AS nonFinite
      FROM points p JOIN bounds b ON b.split = p.split AND b.name = p.name
      WHERE p.run_id = @runId
      GROUP BY p.name, p.split, CAST((p.iteration - b.lo) * @maxPoints / (b.hi - b.lo + 1) AS INTEGER)
      ORDER BY p.name, p.split, iteration`).all(params) as BucketRow[];
    const out: MetricSeries[] = [];
    for (const { name, split, ...bucket } of rows) {
      let current = out[out.length - 1];
      if (!current || current.name !== name || current.split !== split) out.push((current = { name, split, points: [] }));
      current.points.push(bucket);
    }
    return out;
  }

  latestPoints(runId: string, split?: MetricSplit | null): MetricPoint[] {
    const rows = this.db.prepare(`
      SELECT p.* FROM points p JOIN (
        SELECT split, name, MAX(iteration) AS iteration FROM points
        WHERE run_id = @runId ${split ? 'AND split = @split' : ''} GROUP BY split, name) l
      ON p.split = l.split AND p.name = l.name AND p.iteration = l.iteration
      WHERE p.run_id = @runId ORDER BY p.split, p.name`).all({ runId, split }) as PointRow[];
    return rows.map(toPoint);
  }

  allPoints(runId: string): MetricPoint[] {
    const rows = this.db.prepare('SELECT * FROM points WHERE run_id = ? ORDER BY split, name, iteration').all(runId) as PointRow[];
    return rows.map(toPoint);
  }

  countPoints(runId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM points WHERE run_id = ?').get(runId) as { n: number }).n;
  }
}

function seriesFilter(runId: string, query: SeriesQuery): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { runId, maxPoints: Math.max(1, Math.floor(query.maxPoints)) };
  const where = ['run_id = @runId'];
  if (query.split) { where.push('split = @split'); params.split = query.split; }
  if (query.names && query.names.length > 0) {
    where.push(`name IN (${query.names.map((_, i) => `@name${i}`).join(', ')})`);
    query.names.forEach((n, i) => { params[`name${i}`] = n; });
  }
  return { where: where.join(' AND '), params };
}

function toPoint(row: PointRow): MetricPoint {
  return { name: row.name, split: row.split, iteration: row.iteration, value: decodeValue(row.value, row.special), time: row.time };
}
