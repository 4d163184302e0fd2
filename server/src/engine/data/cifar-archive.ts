import { memoryFileSet, type CifarFileSet } from './cifar-files';
import type { CifarSpec } from './cifar-spec';
import { extractTarGz } from './tar-gz';

/**
 * The release folder's files inside an official `.tar.gz` archive, read into memory without
 * writing to the data root (which may be read-only). Members outside the folder are skipped.
 */
export async function archiveFileSet(
  path: string,
  spec: CifarSpec,
  onProgress?: (loaded: number, total: number) => void,
): Promise<CifarFileSet> {
  const prefix = `${spec.folder}/`;
  const wanted = (name: string) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/');
  const members = await extractTarGz(path, { select: (entry) => wanted(stripDot(entry.name)), onProgress });
  const files = new Map<string, Uint8Array>();
  for (const [name, body] of members) files.set(stripDot(name).slice(prefix.length), body);
  return memoryFileSet(files, (name) => `${path}:${prefix}${name}`);
}

/** Archives made with `tar -C dir .` name members `./folder/file`. */
function stripDot(name: string): string {
  return name.startsWith('./') ? name.slice(2) : name;
}
