import { DataFileError } from './datasets-error';
import type { CifarFileSet } from './cifar-files';
import { readCifarSplit } from './cifar-records';
import { compareBatchNames, type CifarSpec } from './cifar-spec';
import type { CifarData, CifarProgress } from './cifar-types';

/**
 * Reads one release (class names, every training file, the test file) from its files.
 * `where` names the folder or archive in errors about missing files.
 */
export async function readCifarRelease(
  files: CifarFileSet,
  spec: CifarSpec,
  where: string,
  onProgress?: (p: CifarProgress) => void,
): Promise<CifarData> {
  const trainNames = files.names.filter(spec.isTrainFile).sort(compareBatchNames);
  if (trainNames.length === 0) {
    const expected = spec.name === 'cifar10' ? 'data_batch_1.bin … data_batch_5.bin' : 'train.bin';
    throw new DataFileError(where, `no training file (${expected}) found`);
  }
  if (!files.names.includes(spec.testFile)) {
    throw new DataFileError(files.pathOf(spec.testFile), 'test file is missing: the test split is needed for evaluation');
  }
  const classNames = await readClassNames(files, spec);
  const train = await readCifarSplit(files, trainNames, spec, onProgress);
  const test = await readCifarSplit(files, [spec.testFile], spec, onProgress);
  return { name: spec.name, numClasses: spec.numClasses, classNames, train, test };
}

/** One name per non-empty line; `class N` names when the file is absent (it is not needed to train). */
async function readClassNames(files: CifarFileSet, spec: CifarSpec): Promise<string[]> {
  if (!files.names.includes(spec.classNamesFile)) {
    return Array.from({ length: spec.numClasses }, (_, i) => `class ${i}`);
  }
  const text = new TextDecoder().decode(await files.read(spec.classNamesFile));
  const names = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  if (names.length !== spec.numClasses) {
    throw new DataFileError(
      files.pathOf(spec.classNamesFile),
      `holds ${names.length} class names, expected ${spec.numClasses} (one per line)`,
    );
  }
  return names;
}
