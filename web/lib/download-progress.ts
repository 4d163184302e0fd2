import type { ApiDataset } from '@orthoscope/shared';

type Download = NonNullable<ApiDataset['download']>;

/** What a dataset download bar shows: how full it is (0–1), its caption, and whether it is still going. */
export interface DownloadView {
  fraction: number;
  text: string;
  active: boolean;
  error: string | null;
}

/** "12.3 MB", "950 kB", "512 B": decimal units, as download sizes are usually given. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

/**
 * The progress bar of a download as the API reports it (`Dataset.download`): while downloading,
 * "downloading 12.3 MB / 170.1 MB (7%)"; while checking size and MD5, "verifying (40%)"; then
 * "downloaded" or "failed" with the API's error. The fraction is clamped to [0, 1] (a server may
 * send more bytes than announced, or announce none: total 0 counts as not started).
 */
export function describeDownload(download: Download): DownloadView {
  const fraction = download.total > 0 ? Math.min(1, Math.max(0, download.loaded / download.total)) : 0;
  const percent = `${Math.floor(fraction * 100)}%`;
  switch (download.phase) {
    case 'DOWNLOAD':
      return { fraction, text: `downloading ${formatBytes(download.loaded)} / ${formatBytes(download.total)} (${percent})`, active: true, error: null };
    case 'VERIFY':
      return { fraction, text: `verifying size and MD5 (${percent})`, active: true, error: null };
    case 'DONE':
      return { fraction: 1, text: 'downloaded', active: false, error: null };
    case 'FAILED':
      return { fraction, text: 'download failed', active: false, error: download.error ?? 'unknown error' };
  }
}
