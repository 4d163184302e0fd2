import type Database from 'better-sqlite3';
import type { MetricPoint, MetricSeries, MetricSplit, SeriesBucket, SeriesQuery } from '../records';
import { decodeValue, encodeValue } from './open-database';

interface PointRow { name: string; split: MetricSplit; iteration: number; value: number | null; special: number; time: number }

/** Metric points in SQLite; every query below seeks by primary key (run, split, name, iteration). */
export class SqliteMetricStore {
  private readonly insert: Database.Statement;
  private readonly upsertLatest: Database.Statement;
  private readonly bounds: Database.Statement;
  private readonly buckets: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT OR REPLACE INTO points (run_id, split, name, iteration, value, special, time)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.upsertLatest = db.prepare(`INSERT INTO series_latest (run_id, split, name, iteration, value, special, time)
      VALUES (@runId, @split, @name, @iteration, @value, @special, @time)
      ON CONFLICT (run_id, split, name) DO UPDATE SET iteration = excluded.iteration, value = excluded.value,
        special = excluded.special, time = excluded.time
      WHERE excluded.iteration >= series_latest.iteration`);
    this.bounds = db.prepare(`SELECT MIN(iteration) AS lo, MAX(iteration) AS hi FROM points
      WHERE run_id = @runId AND split = @split AND name = @name AND iteration BETWEEN @from AND @to`);
    // bucket = (iteration − lo) · maxPoints ÷ (hi − lo + 1): at most maxPoints equal slices of the range.
    this.buckets = db.prepare(`SELECT MAX(iteration) AS iteration, AVG(value) AS value, MIN(value) AS min, MAX(value) AS max,
        MAX(time) AS time, COUNT(*) AS count, SUM(special <> 0) AS nonFinite
      FROM points WHERE run_id = @runId AND split = @split AND name = @name AND iteration BETWEEN @from AND @to
      GROUP BY CAST((iteration - @lo) * @maxPoints / @width AS INTEGER) ORDER BY iteration`);
  }

  appendPoints(runId: string, points: MetricPoint[]): void {
    this.db.transaction(() => {
      for (const p of points) {
        const [value, special] = encodeValue(p.value);
        this.insert.run(runId, p.split, p.name, p.iteration, value, special, p.time);
        this.upsertLatest.run({ runId, split: p.split, name: p.name, iteration: p.iteration, value, special, time: p.time });
      }
    })();
  }

  deletePointsAfter(runId: string, iteration: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM points WHERE run_id = ? AND iteration > ?').run(runId, iteration);
      this.db.prepare('DELETE FROM series_latest WHERE run_id = ?').run(runId);
      this.db.prepare(`INSERT INTO series_latest SELECT p.run_id, p.split, p.name, p.iteration, p.value, p.special, p.time
        FROM points p JOIN (SELECT split, name, MAX(iteration) AS iteration FROM points WHERE run_id = @runId GROUP BY split, name) l
        ON p.split = l.split AND p.name = l.name AND p.iteration = l.iteration WHERE p.run_id = @runId`).run({ runId });
    })();
  }

  /**
   * Series ordered by name then split, each downsampled to at most `maxPoints` buckets spanning
   * the points within [fromIteration, toIteration] (a range on the primary key's last column, so
   * still one index seek per series). A series with no point in the range comes back empty.
   */
  series(runId: string, query: SeriesQuery): MetricSeries[] {
    const maxPoints = Math.max(1, Math.floor(query.maxPoints));
    const from = query.fromIteration ?? Number.MIN_SAFE_INTEGER;
    const to = query.toIteration ?? Number.MAX_SAFE_INTEGER;
    const wanted = query.names && query.names.length > 0 ? new Set(query.names) : null;
    const catalogue = this.latestPoints(runId, query.split)
      .filter((s) => !wanted || wanted.has(s.name))
      .sort((a, b) => (a.name === b.name ? a.split.localeCompare(b.split) : a.name < b.name ? -1 : 1));
    return catalogue.map(({ name, split }) => {
      const { lo, hi } = this.bounds.get({ runId, split, name, from, to }) as { lo: number | null; hi: number | null };
      if (lo === null || hi === null) return { name, split, points: [] };
      const points = this.buckets.all({ runId, split, name, from, to, lo, maxPoints, width: hi - lo + 1 }) as SeriesBucket[];
      return { name, split, points };
    });
  }

  latestPoints(runId: string, split?: MetricSplit | null): MetricPoint[] {
    const rows = this.db.prepare(`SELECT split, name, iteration, value, special, time FROM series_latest
      WHERE run_id = @runId ${split ? 'AND split = @split' : ''} ORDER BY split, name`).all({ runId, split }) as PointRow[];
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

function toPoint(row: PointRow): MetricPoint {
  return { name: row.name, split: row.split, iteration: row.iteration, value: decodeValue(row.value, row.special), time: row.time };
}
