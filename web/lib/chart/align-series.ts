/** One line of a chart before alignment: x sorted ascending, y of the same length. */
export interface XYSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
}

/**
 * uPlot wants one shared x array and, per line, a y array of the same length. This merges the
 * sorted x arrays of every line (k-way, O(total · lines)) into their sorted union and spreads each
 * line's y onto it, leaving null where a line has no point (drawn across with spanGaps).
 * Returns [x, y1, y2, …].
 */
export function alignSeries(lines: readonly XYSeries[]): [number[], ...(number | null)[][]] {
  const cursors = new Array<number>(lines.length).fill(0);
  const xs: number[] = [];
  for (;;) {
    let next = Infinity;
    for (let l = 0; l < lines.length; l++) {
      const c = cursors[l];
      if (c < lines[l].x.length && lines[l].x[c] < next) next = lines[l].x[c];
    }
    if (next === Infinity) break;
    xs.push(next);
    for (let l = 0; l < lines.length; l++) {
      // Skip duplicates of the same x within a line too: the last one wins below.
      while (cursors[l] < lines[l].x.length && lines[l].x[cursors[l]] === next) cursors[l]++;
    }
  }
  const ys = lines.map((line) => {
    const y = new Array<number | null>(xs.length).fill(null);
    let k = 0;
    for (let i = 0; i < line.x.length; i++) {
      while (xs[k] < line.x[i]) k++;
      y[k] = line.y[i];
    }
    return y;
  });
  return [xs, ...ys];
}
