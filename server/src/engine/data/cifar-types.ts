export type CifarName = 'cifar10' | 'cifar100';

/** One split, decoded but kept as uint8 (the whole CIFAR training set as float32 would be 600 MB). */
export interface CifarSplit {
  /** `count * 3072` bytes, each record as stored: 1024 R, 1024 G, 1024 B, 32×32 row-major. */
  images: Uint8Array;
  /** One class id per record (the fine label for CIFAR-100). */
  labels: Uint8Array;
  count: number;
}

export interface CifarData {
  name: CifarName;
  numClasses: number;
  classNames: string[];
  train: CifarSplit;
  test: CifarSplit;
}

export interface CifarProgress {
  phase: 'download' | 'verify' | 'extract' | 'read';
  loaded: number;
  total: number;
}

/** Where the official archive comes from; overridable so tests can serve a file locally. */
export interface CifarArchiveSource {
  url: string;
  sizeBytes: number;
  md5: string;
}

export interface CifarLoadOptions {
  /** Download the official archive into the data root when neither folder nor archive is there. Default false. */
  download?: boolean;
  /** Called as bytes are downloaded, verified, extracted and read. */
  onProgress?(p: CifarProgress): void;
  /** Archive to download instead of the official one (tests, mirrors). Default: the authors' page (see CIFAR_SPECS). */
  source?: CifarArchiveSource;
}
