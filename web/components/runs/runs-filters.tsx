'use client';

import { SWEEPS_QUERY } from '@orthoscope/shared';
import { usePathname, useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { RUN_STATUSES } from '@/lib/run-status';
import { sweepLabel } from '@/lib/sweep-label';

interface SweepOption {
  id: string;
  name: string;
  createdAt: string;
}

/** Status, tag and sweep filters; they live in the URL so a filtered list can be shared. */
export function RunsFilters({ status, tag, sweepId }: { status: string | null; tag: string | null; sweepId: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const [tagDraft, setTagDraft] = useState(tag ?? '');
  const [{ data }] = useQuery<{ sweeps: SweepOption[] }>({ query: SWEEPS_QUERY, variables: { first: 50 } });
  // <label htmlFor>, not a wrapping label: a select's current option would join its name ("Sweep all").
  const id = useId();
  const go = (next: Record<string, string | null>) => {
    const params = new URLSearchParams();
    const merged = { status, tag, sweep: sweepId, ...next };
    for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
    router.replace(`${pathname}${params.size ? `?${params}` : ''}`);
  };
  return (
    <div className="toolbar">
      <span className="control">
        <label htmlFor={`${id}-status`}>Status</label>{' '}
        <select id={`${id}-status`} value={status ?? ''} onChange={(e) => go({ status: e.target.value || null })}>
          <option value="">all</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </span>
      <form
        className="control"
        onSubmit={(e) => {
          e.preventDefault();
          go({ tag: tagDraft.trim() || null });
        }}
      >
        <label htmlFor={`${id}-tag`}>Tag</label>{' '}
        <input id={`${id}-tag`} value={tagDraft} onChange={(e) => setTagDraft(e.target.value)} onBlur={() => go({ tag: tagDraft.trim() || null })} size={12} />
      </form>
      <span className="control">
        <label htmlFor={`${id}-sweep`}>Sweep</label>{' '}
        <select id={`${id}-sweep`} value={sweepId ?? ''} onChange={(e) => go({ sweep: e.target.value || null })}>
          <option value="">all</option>
          {(data?.sweeps ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {sweepLabel(s)}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
