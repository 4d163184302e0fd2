import { seriesKey, type SeriesPoint } from './chart/series';

/** A stored latest point as the API gives it (Run.latestMetrics). */
export interface LatestPoint {
  split: string;
  name: string;
  iteration: number;
  value: number | null;
}

/**
 * The newest value of one metric of a run: from the live chart series (points streamed since the
 * page opened) or from the run's `latestMetrics` (read with the run, only re-read now and then),
 * whichever reached the later iteration — so summaries show the first points as they arrive.
 * undefined when neither has the metric yet.
 */
export function latestMetricValue(
  stored: readonly LatestPoint[] | undefined,
  live: Record<string, readonly SeriesPoint[]> | undefined,
  split: string,
  name: string,
): number | null | undefined {
  const fromStored = stored?.find((m) => m.split === split && m.name === name);
  const series = live?.[seriesKey(split, name)];
  const fromLive = series?.length ? series[series.length - 1] : undefined;
  if (fromLive && (!fromStored || fromLive.iteration >= fromStored.iteration)) return fromLive.value;
  return fromStored?.value;
}
