import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { locateCifar } from './cifar-locate';
import { CIFAR_SPECS } from './cifar-spec';
import type { CifarName } from './cifar-types';
import { checkDatasetName, type DatasetKind } from './datasets-path';
import { EMBEDDED_TEXT_DATASETS } from './text-dataset';

export { checkDatasetName, resolveDatasetPath, DATASET_KINDS, type DatasetKind } from './datasets-path';

export type DatasetStatus = 'available' | 'downloadable' | 'missing';

/** One dataset an experiment can name. */
export interface DatasetInfo {
  name: string;
  kind: DatasetKind;
  status: DatasetStatus;
  /** Folder, archive or file it is read from; null when not on disk (downloadable, missing, embedded). */
  path: string | null;
  /** Bytes on disk (files of a folder summed); for a downloadable set, the download's size; else null. */
  sizeBytes: number | null;
}

export interface ListDatasetsOptions {
  /** Whether CIFAR may be downloaded: absent CIFAR sets are `downloadable` if so, else `missing`. Default true. */
  allowDownload?: boolean;
}

/**
 * Every dataset found under `dataRoot` (which need not exist): cifar10 and cifar100 always (folder or
 * archive at the top → available), each `text/<name>.txt` and the embedded text corpora (char_rnn), and
 * each `segmentation/<name>/` holding `images/` and `masks/` (segmentation). Names that
 * `resolveDatasetPath` would reject are left out. Order: CIFAR, then text, then segmentation, by name.
 */
export function listDatasets(dataRoot: string, options: ListDatasetsOptions = {}): DatasetInfo[] {
  return [...listCifar(dataRoot, options.allowDownload ?? true), ...listText(dataRoot), ...listSegmentation(dataRoot)];
}

function listCifar(dataRoot: string, allowDownload: boolean): DatasetInfo[] {
  return (Object.keys(CIFAR_SPECS) as CifarName[]).map((name) => {
    const found = locateCifar(dataRoot, name);
    if (found?.kind === 'folder') return { name, kind: 'cnn', status: 'available', path: found.path, sizeBytes: folderBytes(found.path) };
    if (found) return { name, kind: 'cnn', status: 'available', path: found.path, sizeBytes: found.sizeBytes };
    return allowDownload
      ? { name, kind: 'cnn', status: 'downloadable', path: null, sizeBytes: CIFAR_SPECS[name].source.sizeBytes }
      : { name, kind: 'cnn', status: 'missing', path: null, sizeBytes: null };
  });
}

function listText(dataRoot: string): DatasetInfo[] {
  const dir = join(dataRoot, 'text');
  const found: DatasetInfo[] = [];
  for (const entry of entries(dir)) {
    if (!entry.name.endsWith('.txt')) continue;
    const name = entry.name.slice(0, -'.txt'.length);
    const size = isSafeName(name) ? statOrNull(join(dir, entry.name)) : null;
    if (size?.isFile()) found.push({ name, kind: 'char_rnn', status: 'available', path: join(dir, entry.name), sizeBytes: size.size });
  }
  for (const name of EMBEDDED_TEXT_DATASETS) {
    // A user's text/<name>.txt wins over the embedded corpus of the same name (as in loadTextDataset).
    if (!found.some((d) => d.name === name)) found.push({ name, kind: 'char_rnn', status: 'available', path: null, sizeBytes: null });
  }
  return found.sort(byName);
}

function listSegmentation(dataRoot: string): DatasetInfo[] {
  const dir = join(dataRoot, 'segmentation');
  const found: DatasetInfo[] = [];
  for (const entry of entries(dir)) {
    const path = join(dir, entry.name);
    if (!isSafeName(entry.name) || !statOrNull(path)?.isDirectory()) continue;
    if (!statOrNull(join(path, 'images'))?.isDirectory() || !statOrNull(join(path, 'masks'))?.isDirectory()) continue;
    found.push({ name: entry.name, kind: 'segmentation', status: 'available', path, sizeBytes: folderBytes(path, 3) });
  }
  return found.sort(byName);
}

/** Sum of regular file sizes under `dir`, `depth` levels deep (1: its own files only). */
function folderBytes(dir: string, depth = 1): number {
  let total = 0;
  for (const entry of entries(dir)) {
    const info = statOrNull(join(dir, entry.name));
    if (info?.isFile()) total += info.size;
    else if (info?.isDirectory() && depth > 1) total += folderBytes(join(dir, entry.name), depth - 1);
  }
  return total;
}

function isSafeName(name: string): boolean {
  try {
    checkDatasetName(name);
    return true;
  } catch {
    return false;
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function byName(a: DatasetInfo, b: DatasetInfo): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
