import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real sample data root: `<repo>/../shared/data` (resolved from this file, as in CI's clone). */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data');

export function tempDir(prefix = 'orthoscope-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * CIFAR binary records with deterministic content: `labels[r]` is the record's label byte list
 * (1 byte for CIFAR-10, [coarse, fine] for CIFAR-100); pixel p of record r is (r * 7 + p) % 256.
 */
export function cifarRecords(labels: number[][]): Uint8Array {
  const recordBytes = labels[0].length + 3072;
  const out = new Uint8Array(labels.length * recordBytes);
  labels.forEach((label, r) => {
    out.set(label, r * recordBytes);
    for (let p = 0; p < 3072; p++) out[r * recordBytes + label.length + p] = (r * 7 + p) % 256;
  });
  return out;
}

/** Writes a CIFAR-100 release folder (train.bin, test.bin, label names) under `root`. */
export function writeCifar100(root: string, train: number[][], test: number[][], fineNames = 100): string {
  const dir = join(root, 'cifar-100-binary');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'train.bin'), cifarRecords(train));
  writeFileSync(join(dir, 'test.bin'), cifarRecords(test));
  writeFileSync(join(dir, 'fine_label_names.txt'), Array.from({ length: fineNames }, (_, i) => `fine_${i}`).join('\n') + '\n');
  writeFileSync(join(dir, 'coarse_label_names.txt'), Array.from({ length: 20 }, (_, i) => `coarse_${i}`).join('\n') + '\n');
  return dir;
}

/** Writes a CIFAR-10 release folder with the given training files (name → labels) and test labels. */
export function writeCifar10(root: string, trainFiles: Record<string, number[]>, test: number[] | null): string {
  const dir = join(root, 'cifar-10-batches-bin');
  mkdirSync(dir, { recursive: true });
  for (const [name, labels] of Object.entries(trainFiles)) writeFileSync(join(dir, name), cifarRecords(labels.map((l) => [l])));
  if (test) writeFileSync(join(dir, 'test_batch.bin'), cifarRecords(test.map((l) => [l])));
  writeFileSync(join(dir, 'batches.meta.txt'), Array.from({ length: 10 }, (_, i) => `c${i}`).join('\n') + '\n\n');
  return dir;
}

/** `tar czf <root>/<archive> -C <root> <folder>` with the system tar (GNU tar on our machines). */
export function tarGz(root: string, folder: string, archive: string): string {
  execFileSync('tar', ['czf', join(root, archive), '-C', root, folder]);
  return join(root, archive);
}
