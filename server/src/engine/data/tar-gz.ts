import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { DataFileError } from './datasets-error';
import { TarFormatError, TarReader, type TarEntry } from './tar-reader';

export interface ExtractOptions {
  /** Which regular files to keep in memory; others are skipped without buffering. */
  select(entry: TarEntry): boolean;
  /** Compressed bytes consumed so far, of the archive's size. */
  onProgress?(loaded: number, total: number): void;
}

/**
 * Reads a `.tar.gz` archive with node's zlib and TarReader, returning the selected members' bodies
 * by full member name. A bad gzip stream, a CRC error, a bad tar header or a truncated archive
 * become a DataFileError naming the archive.
 */
export async function extractTarGz(path: string, options: ExtractOptions): Promise<Map<string, Uint8Array>> {
  const total = (await stat(path)).size;
  const reader = new TarReader(options.select);
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    // A Writable (not an async-iterator sink) so that pipeline rejects with zlib's own error.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          reader.push(chunk);
          options.onProgress?.(input.bytesRead, total);
          done();
        } catch (err) {
          done(err as Error);
        }
      },
    });
    await pipeline(input, createGunzip(), sink);
    reader.finish();
  } catch (err) {
    if (err instanceof TarFormatError) throw new DataFileError(path, `corrupt archive: ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new DataFileError(path, `corrupt archive: not a valid gzip stream (${(err as Error).message})`);
    }
    throw err;
  }
  return reader.files;
}
