import type { CifarArchiveSource, CifarName } from './cifar-types';

/** Pixels per record: 3 channels × 32 × 32. */
export const CIFAR_PIXEL_BYTES = 3072;

/** Layout of one official binary release (SPEC §3). */
export interface CifarSpec {
  name: CifarName;
  numClasses: number;
  /** Folder the archive extracts to, at the top of the data root. */
  folder: string;
  /** Archive file name, at the top of the data root. */
  archive: string;
  source: CifarArchiveSource;
  /** Label bytes before the pixels of each record; the class label is the last of them. */
  labelBytes: number;
  /** Names of label bytes, for errors (CIFAR-100 stores coarse then fine). */
  labelNames: string[];
  /** Upper bound (exclusive) of each label byte. */
  labelLimits: number[];
  isTrainFile(name: string): boolean;
  testFile: string;
  classNamesFile: string;
}

export const CIFAR_SPECS: Record<CifarName, CifarSpec> = {
  cifar10: {
    name: 'cifar10',
    numClasses: 10,
    folder: 'cifar-10-batches-bin',
    archive: 'cifar-10-binary.tar.gz',
    source: {
      url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
      sizeBytes: 170_052_171,
      md5: 'c32a1d4ab5d03f1284b67883e8d87530',
    },
    labelBytes: 1,
    labelNames: ['label'],
    labelLimits: [10],
    isTrainFile: (name) => /^data_batch_\d+\.bin$/.test(name),
    testFile: 'test_batch.bin',
    classNamesFile: 'batches.meta.txt',
  },
  cifar100: {
    name: 'cifar100',
    numClasses: 100,
    folder: 'cifar-100-binary',
    archive: 'cifar-100-binary.tar.gz',
    source: {
      url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz',
      sizeBytes: 168_513_733,
      md5: '03b5dce01913d631647c71ecec9e9cb8',
    },
    labelBytes: 2,
    labelNames: ['coarse label', 'fine label'],
    labelLimits: [20, 100],
    isTrainFile: (name) => name === 'train.bin',
    testFile: 'test.bin',
    classNamesFile: 'fine_label_names.txt',
  },
};

/** Bytes per record: label bytes + 3072 pixel bytes. */
export function cifarRecordBytes(spec: CifarSpec): number {
  return spec.labelBytes + CIFAR_PIXEL_BYTES;
}

/** Sorts training files by their number (data_batch_2 before data_batch_10). */
export function compareBatchNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** What to do when a CIFAR release cannot be downloaded: where its files go instead. */
export function cifarPlacementHint(name: CifarName, dataRoot: string, url = CIFAR_SPECS[name].source.url): string {
  const spec = CIFAR_SPECS[name];
  return `Without internet access, put ${spec.archive} (from ${url}) or its extracted folder ${spec.folder}/ at the top of the data root ${dataRoot} (ORTHOSCOPE_DATA)`;
}
