import { RunDetail } from '@/components/run/run-detail';

/** One run: config, status, backend, live charts, alerts, checkpoints, stop/resume, export. */
export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { iteration } = await searchParams;
  return <RunDetail runId={id} highlightIteration={iteration ? Number(iteration) : null} />;
}
