import { CompareView } from '@/components/compare/compare-view';

/** Compare: the study's six charts for the runs in the URL (?runs=a,b&x=time&smooth=0.6&log=1). */
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const runIds = (params.runs ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const smoothing = Math.min(0.99, Math.max(0, Number(params.smooth ?? 0) || 0));
  return (
    <>
      <h1>Compare</h1>
      <CompareView runIds={runIds} view={{ xAxis: params.x === 'time' ? 'time' : 'iteration', smoothing, logScale: params.log === '1', bands: params.band !== '0' }} />
    </>
  );
}
