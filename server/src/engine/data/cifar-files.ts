import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The files of one CIFAR release, wherever they live (an extracted folder or an archive in memory). */
export interface CifarFileSet {
  /** Base names of the files present. */
  names: string[];
  size(name: string): number;
  read(name: string): Promise<Uint8Array>;
  /** Path used in error messages (`archive.tar.gz:folder/name` for archive members). */
  pathOf(name: string): string;
}

/** The regular files directly inside an extracted release folder. */
export async function folderFileSet(dir: string): Promise<CifarFileSet> {
  const sizes = new Map<string, number>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() || entry.isSymbolicLink()) {
      const info = await stat(join(dir, entry.name)).catch(() => null);
      if (info?.isFile()) sizes.set(entry.name, info.size);
    }
  }
  return {
    names: [...sizes.keys()],
    size: (name) => sizes.get(name) ?? 0,
    read: (name) => readFile(join(dir, name)),
    pathOf: (name) => join(dir, name),
  };
}

/** Files already held in memory, e.g. the members of an archive's release folder. */
export function memoryFileSet(files: Map<string, Uint8Array>, pathOf: (name: string) => string): CifarFileSet {
  return {
    names: [...files.keys()],
    size: (name) => files.get(name)?.length ?? 0,
    read: async (name) => files.get(name) ?? new Uint8Array(0),
    pathOf,
  };
}
