import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR_SPECS } from './cifar-spec';
import type { CifarName } from './cifar-types';

/** Where a CIFAR release was found under a data root; the folder wins over the archive. */
export type CifarLocation = { kind: 'folder'; path: string } | { kind: 'archive'; path: string; sizeBytes: number };

/** Finds the extracted folder or the `.tar.gz` archive at the top of `dataRoot`; null when neither is there. */
export function locateCifar(dataRoot: string, name: CifarName): CifarLocation | null {
  const spec = CIFAR_SPECS[name];
  const folder = join(dataRoot, spec.folder);
  if (statOrNull(folder)?.isDirectory()) return { kind: 'folder', path: folder };
  const archive = join(dataRoot, spec.archive);
  const info = statOrNull(archive);
  if (info?.isFile()) return { kind: 'archive', path: archive, sizeBytes: info.size };
  return null;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
