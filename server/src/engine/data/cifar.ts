import { join } from 'node:path';
import { archiveFileSet } from './cifar-archive';
import { folderFileSet } from './cifar-files';
import { locateCifar } from './cifar-locate';
import { readCifarRelease } from './cifar-release';
import { CIFAR_SPECS, cifarPlacementHint } from './cifar-spec';
import type { CifarData, CifarLoadOptions, CifarName } from './cifar-types';
import { DataFileError } from './datasets-error';
import { downloadFile } from './download';

export type { CifarArchiveSource, CifarData, CifarLoadOptions, CifarName, CifarProgress, CifarSplit } from './cifar-types';
export { cifarBatch } from './cifar-batch';
export { DataFileError } from './datasets-error';
export { CIFAR_SPECS, cifarPlacementHint } from './cifar-spec';

/**
 * Loads CIFAR-10 or CIFAR-100 (official binary release) from `dataRoot`: the extracted folder
 * (`cifar-10-batches-bin/`, `cifar-100-binary/`) if present, else the `.tar.gz` archive at the top
 * of the data root, else — only with `download: true` (default false) — the official archive,
 * downloaded into the data root and verified (size + MD5) before use. Pixels stay uint8; use
 * `cifarBatch` to convert a batch. Every problem with the data is a DataFileError naming the file.
 */
export async function loadCifar(dataRoot: string, name: CifarName, options: CifarLoadOptions = {}): Promise<CifarData> {
  if (!Object.hasOwn(CIFAR_SPECS, name)) {
    throw new DataFileError(dataRoot, `unknown CIFAR dataset ${JSON.stringify(name)} (expected cifar10 or cifar100)`);
  }
  const spec = CIFAR_SPECS[name];
  const progress = options.onProgress;
  let location = locateCifar(dataRoot, name);
  if (!location) {
    const archive = join(dataRoot, spec.archive);
    if (!options.download) {
      throw new DataFileError(
        dataRoot,
        `${name} not found: put the extracted folder ${spec.folder}/ or the archive ${spec.archive} (${spec.source.url}) ` +
          'at the top of the data root, or allow downloading it',
      );
    }
    const source = options.source ?? spec.source;
    try {
      await downloadFile({
        url: source.url,
        dest: archive,
        expectedBytes: source.sizeBytes,
        expectedMd5: source.md5,
        onProgress: progress,
      });
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      // Most failures here mean no internet: say how to get going without it.
      throw new DataFileError(error.file, `${error.problem}. ${cifarPlacementHint(name, dataRoot, source.url)}`);
    }
    location = locateCifar(dataRoot, name);
    if (!location) throw new DataFileError(archive, 'downloaded archive disappeared before it could be read');
  }
  if (location.kind === 'folder') {
    return readCifarRelease(await folderFileSet(location.path), spec, location.path, progress);
  }
  const files = await archiveFileSet(location.path, spec, (loaded, total) => progress?.({ phase: 'extract', loaded, total }));
  return readCifarRelease(files, spec, `${location.path}:${spec.folder}/`, progress);
}
