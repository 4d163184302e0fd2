import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataFileError } from './datasets-error';

export interface DownloadOptions {
  url: string;
  /** Final path; the body is written to `dest + '.part'` and renamed only once verified. */
  dest: string;
  /** Expected size in bytes; a mismatch is an error. */
  expectedBytes: number;
  /** Expected MD5 (hex); a mismatch is an error. */
  expectedMd5: string;
  onProgress?(p: { phase: 'download' | 'verify'; loaded: number; total: number }): void;
}

/**
 * Downloads `url` to `dest`, then checks size and MD5 of what is on disk. Nothing is left at `dest`
 * unless both match; every failure is a DataFileError naming the URL or the file.
 */
export async function downloadFile(options: DownloadOptions): Promise<void> {
  const { url, dest, expectedBytes, onProgress } = options;
  const part = `${dest}.part`;
  await mkdir(dirname(dest), { recursive: true });
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    throw new DataFileError(url, `download failed: ${(err as Error).cause ?? (err as Error).message}`);
  }
  if (!response.ok || !response.body) {
    throw new DataFileError(url, `download failed: HTTP ${response.status} ${response.statusText}`);
  }
  const total = Number(response.headers.get('content-length')) || expectedBytes;
  let loaded = 0;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    loaded += chunk.length;
    onProgress?.({ phase: 'download', loaded, total });
  });
  try {
    await pipeline(body, createWriteStream(part));
    await verifyFile(part, options);
  } catch (err) {
    await rm(part, { force: true });
    if (err instanceof DataFileError) throw new DataFileError(dest, `${err.problem} (downloaded from ${url}; deleted)`);
    throw new DataFileError(url, `download failed: ${(err as Error).message}`);
  }
  await rename(part, dest);
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
