import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/*
 * Optimizer state is what resume needs, and Adam's two moments are twice the size of the weights
 * (CNN 5 + 10 MB, 2×512 char-LSTM 13 + 26 MB per checkpoint). SPEC §3 asks for the weights at every
 * evaluation, so every checkpoint keeps its weights but only the most recently written one keeps the
 * optimizer state. Plain fs, no TensorFlow.js: the runner (API server process) uses this too.
 */

/** The part of manifest.json these helpers read and rewrite. */
interface ManifestHead {
  groups: { weights: unknown[]; optimizer: unknown[] };
  /** Set when the optimizer state was dropped: the checkpoint folder (name) written at that time. */
  optimizerKeptIn?: string;
  [key: string]: unknown;
}

const CHECKPOINT_NAME = /^iter-(\d+)$/;

/**
 * Removes the optimizer state from checkpoint `dir` (weights, config and state stay), noting in its
 * manifest that the newer checkpoint `keptIn` held it at the time. The manifest is replaced
 * atomically first, then optimizer.bin deleted, so a crash in between leaves a loadable
 * weights-only checkpoint (a stray optimizer.bin is ignored). Returns false when `dir` held none.
 */
export async function dropOptimizerState(dir: string, keptIn: string): Promise<boolean> {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ManifestHead;
  if (manifest.groups.optimizer.length > 0) {
    const next: ManifestHead = { ...manifest, groups: { ...manifest.groups, optimizer: [] }, optimizerKeptIn: basename(keptIn) };
    await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
    await rename(`${manifestPath}.tmp`, manifestPath);
  }
  const hadFile = await exists(join(dir, 'optimizer.bin'));
  await rm(join(dir, 'optimizer.bin'), { force: true });
  return manifest.groups.optimizer.length > 0 || hadFile;
}

/**
 * Called right after checkpoint `newest` (a folder inside `checkpointDir`) was written in full:
 * drops the optimizer state of every other `iter-<N>` checkpoint in `checkpointDir`, so only
 * `newest` can be resumed with Adam's moments. Returns the folders it changed.
 */
export async function pruneOptimizerState(checkpointDir: string, newest: string): Promise<string[]> {
  const changed: string[] = [];
  for (const name of await readdir(checkpointDir)) {
    if (!CHECKPOINT_NAME.test(name) || name === basename(newest)) continue;
    const dir = join(checkpointDir, name);
    if (!(await exists(join(dir, 'optimizer.bin')))) continue;
    if (await dropOptimizerState(dir, newest)) changed.push(dir);
  }
  return changed;
}

/** A checkpoint that can be resumed exactly. */
export interface ResumableCheckpoint {
  path: string;
  iteration: number;
}

/**
 * The `iter-<N>` checkpoint with the highest N in `checkpointDir` that still holds its optimizer
 * state (normally the newest one written); null when there is none or the folder does not exist.
 */
export async function resumableCheckpoint(checkpointDir: string): Promise<ResumableCheckpoint | null> {
  const names = await readdir(checkpointDir).catch(() => [] as string[]);
  const candidates = names
    .map((name) => ({ name, match: CHECKPOINT_NAME.exec(name) }))
    .filter((c) => c.match !== null)
    .map((c) => ({ path: join(checkpointDir, c.name), iteration: Number(c.match![1]) }))
    .sort((a, b) => b.iteration - a.iteration);
  for (const candidate of candidates) {
    try {
      const manifest = JSON.parse(await readFile(join(candidate.path, 'manifest.json'), 'utf8')) as ManifestHead;
      if (manifest.groups.optimizer.length > 0 && (await exists(join(candidate.path, 'optimizer.bin')))) return candidate;
    } catch {
      // No or unreadable manifest: not a complete checkpoint.
    }
  }
  return null;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
