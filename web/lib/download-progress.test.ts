import { describe, expect, it } from 'vitest';
import { describeDownload, formatBytes } from './download-progress';

describe('formatBytes', () => {
  it('uses decimal units with sensible precision', () => {
    expect([512, 950_000, 12_345_678, 170_052_171, 2.5e9].map(formatBytes)).toEqual(['512 B', '950 kB', '12.3 MB', '170.1 MB', '2.50 GB']);
  });
  it('shows a dash for impossible sizes', () => {
    expect([NaN, -1].map(formatBytes)).toEqual(['–', '–']);
  });
});

describe('describeDownload', () => {
  it('a download in progress shows bytes and a floored percentage', () => {
    expect(describeDownload({ phase: 'DOWNLOAD', loaded: 12_345_678, total: 170_052_171, error: null }))
      .toEqual({ fraction: 12_345_678 / 170_052_171, text: 'downloading 12.3 MB / 170.1 MB (7%)', active: true, error: null });
  });
  it('verification is its own phase of the same bar', () => {
    expect(describeDownload({ phase: 'VERIFY', loaded: 68e6, total: 170e6, error: null })).toMatchObject({ fraction: 0.4, text: 'verifying size and MD5 (40%)', active: true });
  });
  it('clamps more bytes than announced, and a zero total, into [0, 1]', () => {
    expect(describeDownload({ phase: 'DOWNLOAD', loaded: 120, total: 100, error: null }).fraction).toBe(1);
    expect(describeDownload({ phase: 'DOWNLOAD', loaded: 50, total: 0, error: null })).toMatchObject({ fraction: 0, text: 'downloading 50 B / 0 B (0%)' });
  });
  it('done fills the bar; a failure keeps where it stopped and carries the error', () => {
    expect(describeDownload({ phase: 'DONE', loaded: 10, total: 10, error: null })).toEqual({ fraction: 1, text: 'downloaded', active: false, error: null });
    expect(describeDownload({ phase: 'FAILED', loaded: 25, total: 100, error: 'https://x: download failed: ENOTFOUND' }))
      .toEqual({ fraction: 0.25, text: 'download failed', active: false, error: 'https://x: download failed: ENOTFOUND' });
  });
});
