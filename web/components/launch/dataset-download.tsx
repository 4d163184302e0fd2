'use client';

import { DATASET_DOWNLOAD_SUBSCRIPTION, DOWNLOAD_DATASET_MUTATION, type ApiDataset } from '@orthoscope/shared';
import { useEffect } from 'react';
import { useMutation, useSubscription } from 'urql';
import { describeError } from '@/lib/api-errors';
import { describeDownload, formatBytes } from '@/lib/download-progress';

/**
 * Download button and live progress bar of one downloadable data set (downloadDataset +
 * datasetDownload). Calls `onAvailable` once the set is on disk, so the list can be read again.
 */
export function DatasetDownload({ dataset, onAvailable }: { dataset: ApiDataset; onAvailable: () => void }) {
  const [started, start] = useMutation<{ downloadDataset: ApiDataset }>(DOWNLOAD_DATASET_MUTATION);
  const [live] = useSubscription<{ datasetDownload: ApiDataset }>({ query: DATASET_DOWNLOAD_SUBSCRIPTION, variables: { name: dataset.name } });
  // The newest word on this set: the subscription, else the mutation's answer, else the list's.
  const latest = live.data?.datasetDownload ?? started.data?.downloadDataset ?? dataset;
  const nowAvailable = latest.status === 'AVAILABLE';
  useEffect(() => {
    if (nowAvailable) onAvailable();
  }, [nowAvailable, onAvailable]);

  const view = latest.download ? describeDownload(latest.download) : null;
  const busy = started.fetching || !!view?.active;
  return (
    <div data-testid={`dataset-download-${dataset.name}`} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, fontSize: 12 }}>
      <span>{dataset.name}</span>
      {!busy && !nowAvailable ? (
        <button type="button" onClick={() => void start({ name: dataset.name })}>
          {view?.error ? 'Retry download' : `Download${dataset.sizeBytes ? ` (${formatBytes(dataset.sizeBytes)})` : ''}`}
        </button>
      ) : null}
      {view && view.text !== 'download failed' ? (
        <>
          <span className="progress" role="progressbar" aria-label={`${dataset.name} download`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.floor(view.fraction * 100)}>
            <span style={{ width: `${view.fraction * 100}%` }} />
          </span>
          <span className="muted">{view.text}</span>
        </>
      ) : null}
      {view?.error ? <span className="error-text" role="alert">{view.error}</span> : null}
      {started.error ? <span className="error-text" role="alert">{describeError(started.error)}</span> : null}
    </div>
  );
}
