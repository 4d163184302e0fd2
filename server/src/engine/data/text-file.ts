import { readFile, stat } from 'node:fs/promises';
import { DataFileError } from './datasets-error';

/**
 * Reads a plain-text corpus file as UTF-8. Throws DataFileError naming the file when it is
 * missing, empty, binary (NUL bytes or mostly control characters) or not valid UTF-8, so that a
 * wrong file never reaches training as a vocabulary of garbage.
 */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DataFileError(path, 'is not a regular file');
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return decodeText(path, bytes);
}

/** Validates and decodes the bytes of a text corpus; `path` only names the file in errors. */
export function decodeText(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DataFileError(path, 'is empty: a text corpus needs at least a few characters');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DataFileError(path, `is binary, not text (NUL byte at offset ${nul})`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataFileError(path, `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab/newline/CR/form feed mean an encoded or binary file.
  const control = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (control > text.length / 100) {
    throw new DataFileError(path, `looks binary, not text (${control} control characters in ${text.length})`);
  }
  if (text.trim().length === 0) throw new DataFileError(path, 'holds only whitespace');
  return text;
}

/** Offset of the first byte of the first malformed UTF-8 sequence (only called after decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
