'use client';

import { SWEEPS_QUERY } from '@orthoscope/shared';
import Link from 'next/link';
import { useQuery } from 'urql';
import { sweepCreatedLabel } from '@/lib/sweep-label';

interface SweepRow {
  id: string;
  name: string;
  createdAt: string;
  orthoWeights: number[];
  includeHouseholder: boolean;
  runs: { id: string; status: string }[];
}

/** Recent sweeps, each one click away from its comparison. */
export function RecentSweeps() {
  const [{ data, error }] = useQuery<{ sweeps: SweepRow[] }>({ query: SWEEPS_QUERY, variables: { first: 10 } });
  if (error) return <p className="error-text">{error.message}</p>;
  if (!data) return <p className="muted">loading sweeps…</p>;
  if (!data.sweeps.length) return <p className="muted">No sweeps yet.</p>;
  return (
    <ul>
      {data.sweeps.map((s) => (
        <li key={s.id}>
          <Link href={`/compare?runs=${s.runs.map((r) => r.id).join(',')}`}>{s.name || s.id.slice(0, 8)}</Link>{' '}
          <span className="muted">
            λ = {s.orthoWeights.join(', ')}
            {s.includeHouseholder ? ' + Householder' : ''} · {s.runs.length} runs · created {sweepCreatedLabel(s.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
