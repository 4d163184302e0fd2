import { RunsView } from '@/components/runs/runs-view';

/** Runs: live table with filters (kept in the URL), selection for comparison, stop and delete. */
export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { status, tag, sweep } = await searchParams;
  return (
    <>
      <h1>Runs</h1>
      <RunsView status={status ?? null} tag={tag ?? null} sweepId={sweep ?? null} />
    </>
  );
}
