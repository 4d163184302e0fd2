'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { ChartControls } from '@/components/charts/chart-controls';
import { ChartGrid, type ChartGridProps, type GridRun } from '@/components/charts/chart-grid';
import { ChartLegend } from '@/components/charts/chart-legend';
import { chartsForKinds } from '@/lib/chart/char-rnn-charts';
import { useLiveMetrics } from '@/hooks/use-live-metrics';
import { useRunsInfo } from '@/hooks/use-runs-info';
import { toMs } from '@/lib/format';
import { legendLabels, runColour, runDashed } from '@/lib/run-label';
import { RecentSweeps } from './recent-sweeps';

type View = ChartGridProps['view'];

/** Overlaid charts of the selected runs; the selection and the view options live in the URL. */
export function CompareView({ runIds, view: initialView }: { runIds: string[]; view: View }) {
  const router = useRouter();
  const pathname = usePathname();
  const [view, setView] = useState(initialView);
  const { runs, missing } = useRunsInfo(runIds);
  const { metrics, refine, error } = useLiveMetrics(runIds);

  const changeView = (next: View) => {
    setView(next);
    const params = new URLSearchParams({ runs: runIds.join(',') });
    if (next.xAxis === 'time') params.set('x', 'time');
    if (next.smoothing > 0) params.set('smooth', String(next.smoothing));
    if (next.logScale) params.set('log', '1');
    if (next.bands === false) params.set('band', '0');
    router.replace(`${pathname}?${params}`, { scroll: false });
  };

  if (runIds.length === 0) {
    return (
      <div className="panel">
        <p>
          Select runs on the <Link href="/runs">Runs</Link> page and press “Compare selected”, or compare a whole sweep:
        </p>
        <RecentSweeps />
      </div>
    );
  }
  const byId = new Map(runs.map((r) => [r.id, r]));
  const labels = legendLabels(runIds.map((id) => byId.get(id) ?? { id, name: id.slice(0, 8), config: {} }));
  const gridRuns: GridRun[] = runIds.map((id, i) => {
    const run = byId.get(id);
    return {
      runId: id,
      label: run ? `${labels[i]} (${run.status.toLowerCase()})` : id.slice(0, 8),
      colour: runColour(i),
      dashed: runDashed(i),
      originMs: toMs(run?.startedAt) ?? undefined,
    };
  });
  return (
    <>
      {missing.length ? <div className="banner">Unknown run ids (deleted?): {missing.join(', ')}</div> : null}
      {error ? <div className="banner">{error}</div> : null}
      <ChartControls view={view} onChange={changeView} />
      <ChartLegend runs={gridRuns} />
      <ChartGrid runs={gridRuns} metrics={metrics} view={view} onRefine={refine} charts={chartsForKinds(runIds.map((id) => byId.get(id)?.kind))} />
    </>
  );
}
