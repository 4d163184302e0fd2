import type { DownloadState } from '../runner/dataset-downloads';
import type { RunManager } from '../runner/run-manager';
import type { SampleTextRequest } from '../runner/sample-text';
import type { RunRepository } from '../storage/run-repository';
import type { PubSub } from './pubsub';
import type { DatasetEntry } from './runs/run-spec';

/** A data set as the API lists it (the engine's DatasetInfo). */
export interface DatasetView extends DatasetEntry {
  path: string | null;
  sizeBytes: number | null;
  download: DownloadState | null;
}

/** What the training backend is and how many runs go at once. */
export interface SystemView {
  version: string;
  backend: string;
  device: string;
  concurrency: number;
  authRequired: boolean;
}

/** Everything resolvers use; built once by app.ts. */
export interface ApiServices {
  repository: RunRepository;
  runner: RunManager;
  pubsub: PubSub;
  /** Lists the data root now (cheap: a few stat calls). */
  listDatasets(): DatasetView[];
  download: boolean;
  /** Starts downloading a CIFAR set in the background (idempotent while one runs); returns the set as listed now. */
  downloadDataset(name: string): DatasetView;
  system(): Promise<SystemView>;
  /** Samples text from a char-RNN checkpoint (out of process). */
  sampleText(request: SampleTextRequest): Promise<string>;
}

/** Per-request (or per-WebSocket-connection) context. */
export interface ApiContext {
  services: ApiServices;
  /** False when HOST is not loopback and the request carries no valid token. */
  mayMutate: boolean;
}
