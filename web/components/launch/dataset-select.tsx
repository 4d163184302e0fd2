'use client';

import { DATASETS_QUERY, type ApiDataset } from '@orthoscope/shared';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { formatBytes } from '@/lib/download-progress';
import { DatasetDownload } from './dataset-download';

type Dataset = ApiDataset;

const STATUS_TEXT: Record<Dataset['status'], string> = {
  AVAILABLE: 'available',
  DOWNLOADABLE: 'downloadable (fetched when a run starts)',
  MISSING: 'missing',
};

/** Data sets from the API with their status, of one experiment kind (default CNN: the CIFAR ones). */
export function DatasetSelect({ id, value, onChange, invalid, kind = 'CNN', ...described }: {
  /** The select's id (FormField gives it, with aria-describedby, so its label names it). */
  id?: string;
  value: string;
  onChange: (name: string) => void;
  invalid: boolean;
  kind?: string;
  'aria-describedby'?: string;
}) {
  const [{ data, error }, reread] = useQuery<{ datasets: Dataset[] }>({ query: DATASETS_QUERY });
  const onAvailable = useCallback(() => reread({ requestPolicy: 'network-only' }), [reread]);
  const datasets = (data?.datasets ?? []).filter((d) => d.kind.toUpperCase() === kind || (kind === 'CNN' && d.name.startsWith('cifar')));
  const current = datasets.find((d) => d.name === value);
  return (
    <>
      <select id={id} aria-describedby={described['aria-describedby']} name="dataset" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid}>
        {!current ? <option value={value}>{value}</option> : null}
        {datasets.map((d) => (
          <option key={d.name} value={d.name}>
            {d.name} — {STATUS_TEXT[d.status] ?? d.status}
          </option>
        ))}
      </select>
      <span className="muted" style={{ fontSize: 12 }} data-testid="dataset-status">
        {error
          ? error.message
          : current
            ? `${STATUS_TEXT[current.status] ?? current.status}${current.sizeBytes ? ` · ${formatBytes(current.sizeBytes)}` : ''}${current.path ? ` · ${current.path}` : ''}`
            : !data
              ? 'loading data sets…'
              : datasets.length === 0
                ? `no ${kind.toLowerCase().replace('_', '-')} data set under the server's data root (ORTHOSCOPE_DATA)`
                : `${value} is not among the server's data sets`}
      </span>
      {datasets
        .filter((d) => d.status === 'DOWNLOADABLE')
        .map((d) => <DatasetDownload key={d.name} dataset={d} onAvailable={onAvailable} />)}
    </>
  );
}
