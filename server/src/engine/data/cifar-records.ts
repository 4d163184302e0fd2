import { DataFileError } from './datasets-error';
import type { CifarFileSet } from './cifar-files';
import { CIFAR_PIXEL_BYTES, cifarRecordBytes, type CifarSpec } from './cifar-spec';
import type { CifarProgress, CifarSplit } from './cifar-types';

/**
 * Decodes the given record files, in order, into one split. The record count comes from the file
 * sizes; every size and every label byte is checked so that bad data never reaches tfjs.
 */
export async function readCifarSplit(
  files: CifarFileSet,
  names: string[],
  spec: CifarSpec,
  onProgress?: (p: CifarProgress) => void,
): Promise<CifarSplit> {
  const recordBytes = cifarRecordBytes(spec);
  let count = 0;
  for (const name of names) count += recordCount(files.pathOf(name), files.size(name), recordBytes);
  const split: CifarSplit = { images: new Uint8Array(count * CIFAR_PIXEL_BYTES), labels: new Uint8Array(count), count };
  let offset = 0;
  for (const name of names) {
    const bytes = await files.read(name);
    // The file may have changed between listing and reading: check again on what was read.
    const n = recordCount(files.pathOf(name), bytes.length, recordBytes);
    if (offset + n > count) throw new DataFileError(files.pathOf(name), 'file grew while it was being read');
    decodeRecords(files.pathOf(name), bytes, spec, split, offset);
    offset += n;
    onProgress?.({ phase: 'read', loaded: offset, total: count });
  }
  if (offset !== count) throw new DataFileError(files.pathOf(names[names.length - 1]), 'file shrank while it was being read');
  return split;
}

function recordCount(path: string, size: number, recordBytes: number): number {
  if (size === 0) throw new DataFileError(path, 'file is empty: it holds no records');
  if (size % recordBytes !== 0) {
    throw new DataFileError(
      path,
      `size ${size} bytes is not a multiple of the record size ${recordBytes} bytes ` +
        `(${recordBytes - CIFAR_PIXEL_BYTES} label byte(s) + ${CIFAR_PIXEL_BYTES} pixel bytes): truncated or not a CIFAR binary file`,
    );
  }
  return size / recordBytes;
}

function decodeRecords(path: string, bytes: Uint8Array, spec: CifarSpec, into: CifarSplit, first: number): void {
  const recordBytes = cifarRecordBytes(spec);
  const n = bytes.length / recordBytes;
  for (let r = 0; r < n; r++) {
    const start = r * recordBytes;
    for (let b = 0; b < spec.labelBytes; b++) {
      const value = bytes[start + b];
      if (value >= spec.labelLimits[b]) {
        throw new DataFileError(
          path,
          `record ${r} (byte offset ${start + b}): ${spec.labelNames[b]} ${value} is out of range 0..${spec.labelLimits[b] - 1}`,
        );
      }
    }
    into.labels[first + r] = bytes[start + spec.labelBytes - 1];
    into.images.set(bytes.subarray(start + spec.labelBytes, start + recordBytes), (first + r) * CIFAR_PIXEL_BYTES);
  }
}
