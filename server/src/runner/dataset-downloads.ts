import { join } from 'node:path';
import { InvalidFieldError } from '@orthoscope/shared';
import { locateCifar } from '../engine/data/cifar-locate';
import { CIFAR_SPECS, cifarPlacementHint } from '../engine/data/cifar-spec';
import type { CifarArchiveSource, CifarName } from '../engine/data/cifar-types';
import { checkDatasetName } from '../engine/data/datasets-path';
import { downloadFile } from '../engine/data/download';

export type DownloadPhase = 'download' | 'verify' | 'done' | 'failed';

/** Where one dataset download stands. */
export interface DownloadState {
  name: string;
  phase: DownloadPhase;
  /** Bytes downloaded (phase download) or checked (phase verify). */
  loaded: number;
  total: number;
  /** Why it failed and what to do instead (phase failed), else null. */
  error: string | null;
}

export interface DatasetDownloadsOptions {
  dataRoot: string;
  /** False when ORTHOSCOPE_DOWNLOAD forbids downloading: `start` then explains where to put the files. */
  allowDownload: boolean;
  /** Archives to fetch instead of the official ones (tests, mirrors). */
  sources?: Partial<Record<CifarName, CifarArchiveSource>>;
  /** Called on every phase change and at most once per `throttleMs` with progress. */
  onChange(state: DownloadState): void;
  /** Least time between two progress calls of one download. Default 250 ms (≤ 4 per second). */
  throttleMs?: number;
}

/**
 * Downloads missing CIFAR archives into the data root in the background (in this process: the
 * download is streamed with node's fetch and hashed chunk by chunk, so it never blocks the event
 * loop for long). One download per dataset at a time: `start` during a download returns its state.
 */
export class DatasetDownloads {
  private readonly states = new Map<string, DownloadState>();
  private readonly running = new Set<string>();

  constructor(private readonly options: DatasetDownloadsOptions) {}

  /** The last known state of `name`'s download (kept after it ends), or null if none was started. */
  state(name: string): DownloadState | null {
    return this.states.get(name) ?? null;
  }

  /**
   * Starts downloading `name` (cifar10 or cifar100) unless it is on disk or already downloading.
   * Throws InvalidFieldError (field `name`) for any other name, or when downloading is turned off.
   * Returns at once; `promise` (for tests and shutdown) settles when the download ends.
   */
  start(name: string): { state: DownloadState | null; promise: Promise<void> } {
    try {
      checkDatasetName(name);
    } catch (error) {
      if (error instanceof InvalidFieldError) throw new InvalidFieldError('name', name, error.problem);
      throw error;
    }
    if (!Object.hasOwn(CIFAR_SPECS, name)) {
      throw new InvalidFieldError('name', name, 'only cifar10 and cifar100 can be downloaded');
    }
    const spec = CIFAR_SPECS[name as CifarName];
    const { dataRoot } = this.options;
    if (this.running.has(name)) return { state: this.state(name), promise: Promise.resolve() };
    if (locateCifar(dataRoot, spec.name)) return { state: this.state(name), promise: Promise.resolve() };
    const source = this.options.sources?.[spec.name] ?? spec.source;
    const instead = cifarPlacementHint(spec.name, dataRoot, source.url);
    if (!this.options.allowDownload) {
      throw new InvalidFieldError('name', name, `downloading is turned off (ORTHOSCOPE_DOWNLOAD=0): ${instead}`);
    }

    this.running.add(name);
    const throttleMs = this.options.throttleMs ?? 250;
    let lastEmit = 0;
    const update = (state: DownloadState, force: boolean) => {
      const previous = this.states.get(name);
      this.states.set(name, state);
      const now = Date.now();
      if (force || previous?.phase !== state.phase || now - lastEmit >= throttleMs) {
        lastEmit = now;
        this.options.onChange(state);
      }
    };
    update({ name, phase: 'download', loaded: 0, total: source.sizeBytes, error: null }, true);
    const promise = downloadFile({
      url: source.url,
      dest: join(dataRoot, spec.archive),
      expectedBytes: source.sizeBytes,
      expectedMd5: source.md5,
      onProgress: (p) => update({ name, phase: p.phase, loaded: p.loaded, total: p.total, error: null }, false),
    }).then(
      () => update({ name, phase: 'done', loaded: source.sizeBytes, total: source.sizeBytes, error: null }, true),
      (error: unknown) => {
        const last = this.states.get(name);
        const message = error instanceof Error ? error.message : String(error);
        update({ name, phase: 'failed', loaded: last?.loaded ?? 0, total: last?.total ?? source.sizeBytes, error: `${message}. ${instead}` }, true);
      },
    ).finally(() => this.running.delete(name));
    return { state: this.state(name), promise };
  }
}
