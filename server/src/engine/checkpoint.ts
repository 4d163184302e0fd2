import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { resumableCheckpoint } from './checkpoint-optimizer';

/** A named tensor list; order is kept (optimizers restore moments by position). */
export type NamedTensors = [string, tf.Tensor][];

/** What a checkpoint holds; model-agnostic (CNN, char-RNN and segmentation use the same format). */
export interface CheckpointContents {
  /** Model weights by stable name. */
  weights: NamedTensors;
  /** Optimizer state by name (see optimizer-state.ts); may be empty. */
  optimizer: NamedTensors;
  /** The run's experiment config, written as config.json. */
  config: object;
  /** Loop position and anything else needed to resume (iteration, epoch, batch in epoch, …). */
  state: Record<string, unknown>;
}

interface TensorEntry {
  name: string;
  dtype: 'float32' | 'int32';
  shape: number[];
  /** Offset and length in elements within the group's .bin file. */
  offset: number;
  length: number;
}

interface Manifest {
  format: 'orthoscope-checkpoint';
  version: 1;
  state: Record<string, unknown>;
  groups: { weights: TensorEntry[]; optimizer: TensorEntry[] };
  /** Set by dropOptimizerState: the newer checkpoint written when this one's optimizer state was dropped. */
  optimizerKeptIn?: string;
}

const GROUPS = ['weights', 'optimizer'] as const;

/**
 * Writes `dir` with manifest.json, config.json, weights.bin and optimizer.bin (little-endian
 * float32/int32, concatenated in order). Written to `dir.tmp` first, then renamed, so a crash never
 * leaves a half-written checkpoint under the final name. Returns `dir`. The training loops then call
 * pruneOptimizerState (checkpoint-optimizer.ts): only the newest checkpoint keeps its optimizer state.
 */
export async function saveCheckpoint(dir: string, contents: CheckpointContents): Promise<string> {
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const manifest: Manifest = { format: 'orthoscope-checkpoint', version: 1, state: contents.state, groups: { weights: [], optimizer: [] } };
  for (const group of GROUPS) {
    const chunks: Uint8Array[] = [];
    let offset = 0;
    for (const [name, tensor] of contents[group]) {
      if (tensor.dtype !== 'float32' && tensor.dtype !== 'int32') {
        throw new Error(`saveCheckpoint: tensor ${name} has dtype ${tensor.dtype}; only float32 and int32 are stored`);
      }
      const data = (await tensor.data()) as Float32Array | Int32Array;
      chunks.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      manifest.groups[group].push({ name, dtype: tensor.dtype, shape: tensor.shape, offset, length: data.length });
      offset += data.length;
    }
    await writeFile(join(tmp, `${group}.bin`), Buffer.concat(chunks));
  }
  await writeFile(join(tmp, 'config.json'), `${JSON.stringify(contents.config, null, 2)}\n`);
  await writeFile(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return dir;
}

/** A loaded checkpoint: tensors are new and owned by the caller (dispose them after use). */
export interface LoadedCheckpoint {
  weights: Map<string, tf.Tensor>;
  /** In saved order. */
  optimizer: NamedTensors;
  config: Record<string, unknown>;
  state: Record<string, unknown>;
  /** For a weights-only checkpoint (optimizer state dropped): the newer checkpoint that held it then; else null. */
  optimizerKeptIn: string | null;
}

/** Reads a folder written by {@link saveCheckpoint}; a missing or inconsistent file is an Error naming it. */
export async function loadCheckpoint(dir: string): Promise<LoadedCheckpoint> {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readText(manifestPath)) as Manifest;
  if (manifest.format !== 'orthoscope-checkpoint' || manifest.version !== 1) {
    throw new Error(`${manifestPath}: not an Orthoscope checkpoint manifest (format ${JSON.stringify(manifest.format)}, version ${manifest.version})`);
  }
  const config = JSON.parse(await readText(join(dir, 'config.json'))) as Record<string, unknown>;
  const groups: Record<(typeof GROUPS)[number], NamedTensors> = { weights: [], optimizer: [] };
  for (const group of GROUPS) {
    const path = join(dir, `${group}.bin`);
    const entries = manifest.groups[group] ?? [];
    // A weights-only checkpoint: optimizer.bin is gone (or, after a crash mid-drop, a leftover to ignore).
    if (group === 'optimizer' && entries.length === 0) continue;
    const bytes = await readFile(path).catch((e: Error) => {
      throw new Error(`${path}: cannot read checkpoint data (${e.message})`);
    });
    const expected = entries.reduce((s, e) => s + e.length, 0) * 4;
    if (bytes.byteLength !== expected) {
      throw new Error(`${path}: ${bytes.byteLength} bytes, but the manifest describes ${expected}`);
    }
    // Copy into an aligned buffer: Node's Buffer may start at any byte offset of its pool.
    const aligned = new Uint8Array(bytes).buffer;
    for (const e of entries) {
      const values = e.dtype === 'int32' ? new Int32Array(aligned, e.offset * 4, e.length) : new Float32Array(aligned, e.offset * 4, e.length);
      groups[group].push([e.name, tf.tensor(values, e.shape, e.dtype)]);
    }
  }
  return { weights: new Map(groups.weights), optimizer: groups.optimizer, config, state: manifest.state, optimizerKeptIn: manifest.optimizerKeptIn ?? null };
}

/**
 * Resuming continues the run exactly, which needs the optimizer state; only the newest checkpoint of
 * a run keeps it. For a weights-only checkpoint this throws an Error naming `dir` and the checkpoint
 * in the same folder that can be resumed (if any) — restarting Adam from zero moments would give a
 * different run (bias-corrected first steps of ≈ learningRate per weight) without saying so.
 */
export async function requireOptimizerState(checkpoint: LoadedCheckpoint, dir: string): Promise<void> {
  if (checkpoint.optimizer.length > 0) return;
  const newest = await resumableCheckpoint(dirname(dir));
  const why = checkpoint.optimizerKeptIn ? ` (dropped when ${checkpoint.optimizerKeptIn} was written)` : '';
  const instead = newest ? `resume from ${newest.path}` : 'no checkpoint in that folder holds it';
  throw new Error(`${dir}: weights-only checkpoint — only the newest checkpoint of a run keeps the optimizer (Adam) state that resuming needs${why}; ${instead}`);
}

/**
 * Copies checkpoint weights into model variables, by name. Every variable must be present with
 * its shape (an Error names the first that is missing or differs).
 */
export function assignWeights(variables: [string, tf.Variable][], weights: Map<string, tf.Tensor>, source = 'checkpoint'): void {
  for (const [name, variable] of variables) {
    const value = weights.get(name);
    if (!value) throw new Error(`${source}: no weights for variable ${name} (has ${[...weights.keys()].join(', ')})`);
    if (!tf.util.arraysEqual(value.shape, variable.shape)) {
      throw new Error(`${source}: variable ${name} has shape [${variable.shape}] but the checkpoint holds [${value.shape}]`);
    }
    variable.assign(value);
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read checkpoint file (${(e as Error).message})`);
  }
}
