import { isAbsolute, join, relative, resolve } from 'node:path';
import { InvalidFieldError } from '@orthoscope/shared';
import { locateCifar } from './cifar-locate';
import { CIFAR_SPECS } from './cifar-spec';
import type { CifarName } from './cifar-types';

export type DatasetKind = 'cnn' | 'char_rnn' | 'segmentation';
export const DATASET_KINDS: readonly DatasetKind[] = ['cnn', 'char_rnn', 'segmentation'];

/**
 * Throws InvalidFieldError (field `dataset`) unless `name` is a plain name that stays a single path
 * component: not empty, not `.` or `..`, no `/`, `\`, `:`, NUL or other control characters, at
 * most 200 characters. Dataset names come from API users and must never reach outside the data root.
 */
export function checkDatasetName(name: unknown): string {
  const bad = (problem: string) => new InvalidFieldError('dataset', name, problem);
  if (typeof name !== 'string' || name.length === 0) throw bad('must be a non-empty dataset name');
  if (name.length > 200) throw bad('must be at most 200 characters');
  if (name === '.' || name === '..') throw bad('must be a dataset name, not a relative path');
  if (/[/\\:]/.test(name) || isAbsolute(name)) throw bad('must be a plain name without path separators (/ \\ :)');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw bad('must not contain NUL or other control characters');
  return name;
}

/**
 * Where dataset `name` of `kind` lives under `dataRoot` (whether or not it exists yet):
 * - `cnn`: `cifar10` / `cifar100` only → the extracted folder or archive when present, else the
 *   archive path a download would write;
 * - `char_rnn`: `<dataRoot>/text/<name>.txt`;
 * - `segmentation`: `<dataRoot>/segmentation/<name>`.
 * Throws InvalidFieldError naming `kind` or `dataset` and the value for anything else, including every
 * name that could escape the data root. Symbolic links inside the data root are the owner's choice
 * and are followed.
 */
export function resolveDatasetPath(dataRoot: string, kind: DatasetKind, name: string): string {
  if (!DATASET_KINDS.includes(kind)) {
    throw new InvalidFieldError('kind', kind, `must be one of ${DATASET_KINDS.join(', ')}`);
  }
  checkDatasetName(name);
  const root = resolve(dataRoot);
  let path: string;
  if (kind === 'cnn') {
    if (!Object.hasOwn(CIFAR_SPECS, name)) {
      throw new InvalidFieldError('dataset', name, 'the CNN experiment takes cifar10 or cifar100');
    }
    const spec = CIFAR_SPECS[name as CifarName];
    path = locateCifar(root, spec.name)?.path ?? join(root, spec.archive);
  } else if (kind === 'char_rnn') {
    path = join(root, 'text', `${name}.txt`);
  } else {
    path = join(root, 'segmentation', name);
  }
  // Defence in depth: whatever the checks above missed, the result must stay under the root.
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new InvalidFieldError('dataset', name, 'resolves outside the data root');
  }
  return path;
}
