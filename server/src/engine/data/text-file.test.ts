import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from './datasets-error';
import { decodeText, readTextFile } from './text-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orthoscope-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('readTextFile', () => {
  it('UTF-8 with a BOM and non-ASCII letters: text without the BOM', async () => {
    const path = await fileWith('ok.txt', '\ufeffÜber den Willen — zur Macht\n');
    expect(await readTextFile(path)).toBe('Über den Willen — zur Macht\n');
  });

  it('empty file: DataFileError naming the file and "empty"', async () => {
    const path = await fileWith('empty.txt', '');
    await expect(readTextFile(path)).rejects.toThrow(DataFileError);
    await expect(readTextFile(path)).rejects.toThrow(`${path}: is empty`);
  });

  it('binary file (PNG header with NUL bytes): error naming the file and the NUL offset', async () => {
    const path = await fileWith('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await expect(readTextFile(path)).rejects.toThrow(`${path}: is binary, not text (NUL byte at offset 8)`);
  });

  it('Latin-1 file ("café" as 63 61 66 E9): error naming the file and the bad byte offset', async () => {
    const path = await fileWith('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    await expect(readTextFile(path)).rejects.toThrow(`${path}: is not valid UTF-8 (first bad byte at offset 3)`);
  });

  it('missing file: error naming the path and ENOENT', async () => {
    const path = join(dir, 'nope.txt');
    await expect(readTextFile(path)).rejects.toThrow(`${path}: cannot be read (ENOENT)`);
  });
});

describe('decodeText', () => {
  it('control characters throughout (no NUL): "looks binary"', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(() => decodeText('ctl.txt', bytes)).toThrow('ctl.txt: looks binary');
  });

  it('only whitespace: error', () => {
    expect(() => decodeText('ws.txt', new TextEncoder().encode(' \n\t\n'))).toThrow('ws.txt: holds only whitespace');
  });
});
