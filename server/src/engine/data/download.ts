import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { DataFileError } from './datasets-error';

export interface DownloadOptions {
  url: string;
  /** Final path; the body is written to a `dest.<pid>-<random>.part` file and renamed only once verified. */
  dest: string;
  /** Expected size in bytes; a mismatch is an error. */
  expectedBytes: number;
  /** Expected MD5 (hex); a mismatch is an error. */
  expectedMd5: string;
  onProgress?(p: { phase: 'download' | 'verify'; loaded: number; total: number }): void;
  /** Give up when no byte arrives for this long (ms). Default 60,000. */
  idleTimeoutMs?: number;
}

/**
 * Downloads `url` to `dest`, then checks size and MD5 of what is on disk. Nothing is left at `dest`
 * unless both match; every failure is a DataFileError naming the URL or the file. The body goes to
 * a temporary file unique to this call, so that runs downloading the same archive at once do not
 * write into each other's file; the verified file is renamed into place atomically.
 */
export async function downloadFile(options: DownloadOptions): Promise<void> {
  const { url, dest, expectedBytes, onProgress } = options;
  const idleMs = options.idleTimeoutMs ?? 60_000;
  const part = `${dest}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  await mkdir(dirname(dest), { recursive: true });
  const abort = new AbortController();
  let idle = setTimeout(() => abort.abort(), idleMs);
  const alive = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(), idleMs);
  };
  const failure = (err: unknown) =>
    abort.signal.aborted
      ? `download failed: no data received for ${idleMs / 1000} s`
      : `download failed: ${String((err as Error).cause ?? (err as Error).message)}`;
  try {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'follow', signal: abort.signal });
    } catch (err) {
      throw new DataFileError(url, failure(err));
    }
    if (!response.ok || !response.body) {
      throw new DataFileError(url, `download failed: HTTP ${response.status} ${response.statusText}`);
    }
    const total = Number(response.headers.get('content-length')) || expectedBytes;
    let loaded = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        alive();
        loaded += chunk.length;
        onProgress?.({ phase: 'download', loaded, total });
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), count, createWriteStream(part));
    } catch (err) {
      throw new DataFileError(url, failure(err));
    }
    clearTimeout(idle);
    try {
      await verifyFile(part, options);
    } catch (err) {
      if (err instanceof DataFileError) throw new DataFileError(dest, `${err.problem} (downloaded from ${url}; deleted)`);
      throw err;
    }
    await rename(part, dest);
  } finally {
    clearTimeout(idle);
    await rm(part, { force: true });
  }
}

/** Checks a file's size and MD5, reporting progress as phase `verify`. */
export async function verifyFile(
  path: string,
  expected: Pick<DownloadOptions, 'expectedBytes' | 'expectedMd5' | 'onProgress'>,
): Promise<void> {
  const size = (await stat(path)).size;
  if (size !== expected.expectedBytes) {
    throw new DataFileError(path, `size ${size} bytes differs from the expected ${expected.expectedBytes} bytes: incomplete or wrong download`);
  }
  const hash = createHash('md5');
  let loaded = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    loaded += (chunk as Buffer).length;
    expected.onProgress?.({ phase: 'verify', loaded, total: size });
  }
  const md5 = hash.digest('hex');
  if (md5 !== expected.expectedMd5.toLowerCase()) {
    throw new DataFileError(path, `MD5 ${md5} differs from the expected ${expected.expectedMd5}: corrupt download`);
  }
}
