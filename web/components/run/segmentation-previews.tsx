'use client';

import { SEGMENTATION_PREVIEWS_QUERY } from '@orthoscope/shared';
import { useEffect } from 'react';
import { useQuery } from 'urql';

interface Preview {
  image: string;
  trueMask: string;
  predictedMask: string;
}

/**
 * Validation images of a SEGMENTATION run beside their true and predicted masks, from its latest
 * checkpoint; re-read whenever `refreshKey` changes (the caller derives it from the evaluations seen).
 */
export function SegmentationPreviews({ runId, refreshKey }: { runId: string; refreshKey: string }) {
  const [{ data, error, fetching }, reexecute] = useQuery<{ segmentationPreviews: { iteration: number; previews: Preview[] } | null }>({
    query: SEGMENTATION_PREVIEWS_QUERY,
    variables: { runId },
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    reexecute({ requestPolicy: 'network-only' });
    // The evaluation (and its previews) lands a little after the iteration that triggers it.
    const later = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), 4000);
    return () => clearTimeout(later);
  }, [refreshKey, reexecute]);

  const result = data?.segmentationPreviews;
  if (error) return <p className="error-text">{error.message}</p>;
  if (!result) return <p className="muted">{fetching ? 'loading…' : 'no evaluation yet (the first comes after iteration 1)'}</p>;
  return (
    <div className="panel" data-testid="segmentation-previews">
      <p className="muted" style={{ marginTop: 0 }}>
        Iteration {result.iteration} · {result.previews.length} validation image{result.previews.length === 1 ? '' : 's'} · masks: class 0 black, 1 white, further classes in colour, ignored pixels grey
      </p>
      <table className="grid">
        <thead>
          <tr><th>Image</th><th>True mask</th><th>Predicted mask</th></tr>
        </thead>
        <tbody>
          {result.previews.map((p, k) => (
            <tr key={`${result.iteration}-${k}`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- data URLs from the API, nothing to optimise */}
              <td><img src={p.image} alt={`validation image ${k + 1}`} width={160} style={{ imageRendering: 'pixelated' }} /></td>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <td><img src={p.trueMask} alt={`true mask ${k + 1}`} width={160} style={{ imageRendering: 'pixelated' }} /></td>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <td><img src={p.predictedMask} alt={`predicted mask ${k + 1}`} width={160} style={{ imageRendering: 'pixelated' }} data-testid="predicted-mask" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
