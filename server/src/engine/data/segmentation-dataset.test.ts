import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError } from './datasets-error';
import { readSegmentationDataset, shuffledIndices, type ReadSegmentationOptions } from './segmentation-dataset';

// The shared real data sits beside the repository: <repo root>/../shared/data.
const SHARED_DATA = resolve(import.meta.dirname, '../../../../../shared/data');
const tmpRoots: string[] = [];
afterAll(() => tmpRoots.forEach((d) => rmSync(d, { recursive: true, force: true })));

function seeded(seed: number): () => number {
  // mulberry32: a tiny deterministic source, enough for a split in a test.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const options = (over: Partial<ReadSegmentationOptions> = {}): ReadSegmentationOptions => ({
  imageSize: 64, fit: 'resize', numClasses: null, ignoreLabel: null, valFraction: 0.1, random: seeded(99), ...over,
});

function greyPng(width: number, height: number, value: (x: number, y: number) => number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = value(x, y);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 0 });
}

/** A dataset folder under a fresh data root; `files` maps relative paths to contents. */
function makeRoot(files: Record<string, Buffer | string>): string {
  const root = mkdtempSync(join(tmpdir(), 'orthoscope-seg-'));
  tmpRoots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, 'segmentation', 'toy', rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

const img = (v = 100) => greyPng(8, 8, (x) => v + x);
const mask = (f: (x: number, y: number) => number) => greyPng(8, 8, f);

describe('readSegmentationDataset', () => {
  it('isbi2012-membrane at 64 px: 27 train + 3 val pairs, grey, 0/255 masks → 2 classes', () => {
    const ds = readSegmentationDataset(SHARED_DATA, 'isbi2012-membrane', options());
    expect(ds.train.length).toBe(27);
    expect(ds.val.length).toBe(3);
    expect(ds.valSource).toBe('split');
    expect(ds.channels).toBe(1);
    expect(ds.numClasses).toBe(2);
    expect(ds.binary255).toBe(true);
    const ids = new Set(ds.train.flatMap((s) => [...new Set(s.mask.data)]));
    expect([...ids].sort()).toEqual([0, 1]);
    expect(ds.train[0].image.width).toBe(64);
    // Membrane (class 0) is the minority: about a fifth of the pixels in the 512 px originals.
    const zeros = ds.train[0].mask.data.filter((v) => v === 0).length / 64 / 64;
    expect(zeros).toBeGreaterThan(0.1);
    expect(zeros).toBeLessThan(0.4);
  });
  it('isbi2012-membrane with fit crop: pairs kept at 512×512', () => {
    const ds = readSegmentationDataset(SHARED_DATA, 'isbi2012-membrane', options({ fit: 'crop', imageSize: 128 }));
    expect(ds.train[0].image.width).toBe(512);
    expect(ds.train[0].mask.height).toBe(512);
  });
  it('same seed: same split; other seed: another split', () => {
    const names = (seed: number) => readSegmentationDataset(SHARED_DATA, 'isbi2012-membrane', options({ random: seeded(seed), imageSize: 8 })).val.map((s) => s.name);
    expect(names(99)).toEqual(names(99));
    expect(names(99)).not.toEqual(names(7));
  });
  it('val/ folder, classes.txt with 3 names and ignore label 9: split taken from the folder', () => {
    const root = makeRoot({
      'images/a.png': img(), 'masks/a.png': mask((x) => x % 3),
      'images/b.png': img(), 'masks/b.png': mask((x) => (x === 0 ? 9 : 1)),
      'val/images/c.png': img(), 'val/masks/c.png': mask(() => 2),
      'classes.txt': 'background\ncell\nmembrane\n',
    });
    const ds = readSegmentationDataset(root, 'toy', options({ imageSize: 8, ignoreLabel: 9 }));
    expect(ds.valSource).toBe('folder');
    expect(ds.train.map((s) => s.name)).toEqual(['a', 'b']);
    expect(ds.val.map((s) => s.name)).toEqual(['c']);
    expect(ds.classNames).toEqual(['background', 'cell', 'membrane']);
    expect(ds.train[1].mask.data[0]).toBe(9);
  });
  it('0/255 masks with ignore label 128: 255 becomes class 1, 128 stays ignored, 2 classes', () => {
    const root = makeRoot({
      'images/a.png': img(), 'masks/a.png': mask((x) => [0, 255, 128][x % 3]),
      'images/b.png': img(), 'masks/b.png': mask(() => 255),
    });
    const ds = readSegmentationDataset(root, 'toy', options({ imageSize: 8, ignoreLabel: 128, valFraction: 0.5 }));
    expect(ds.numClasses).toBe(2);
    expect(ds.binary255).toBe(true);
    const a = [...ds.train, ...ds.val].find((s) => s.name === 'a')!;
    expect([...a.mask.data.slice(0, 3)]).toEqual([0, 1, 128]);
  });
  it('masks with ids 0..4 and no classes.txt: 5 classes, values kept', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': mask((x) => x % 5), 'images/b.png': img(), 'masks/b.png': mask(() => 0) });
    const ds = readSegmentationDataset(root, 'toy', options({ imageSize: 8, valFraction: 0.5 }));
    expect(ds.numClasses).toBe(5);
    expect(ds.binary255).toBe(false);
  });
  it('JPEG image with PNG mask of the same name: read as one pair', async () => {
    const jpeg = (await import('jpeg-js')).default;
    const rgba = Buffer.alloc(8 * 8 * 4, 200);
    const jpg = jpeg.encode({ width: 8, height: 8, data: rgba }, 90).data;
    const root = makeRoot({ 'images/a.jpg': jpg, 'masks/a.png': mask(() => 1), 'images/b.png': img(), 'masks/b.png': mask(() => 0) });
    const ds = readSegmentationDataset(root, 'toy', options({ imageSize: 8, valFraction: 0.5 }));
    expect(ds.train.length + ds.val.length).toBe(2);
  });
  it('missing dataset folder: error names the folder', () => {
    const root = makeRoot({});
    expect(() => readSegmentationDataset(root, 'nope', options())).toThrow(/segmentation\/nope: no segmentation dataset "nope"/);
  });
  it('image b.png without a mask: error names the image and the expected mask', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': mask(() => 0), 'images/b.png': img() });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/images\/b\.png: has no mask: expected .*masks\/b\.png/);
  });
  it('mask saved as JPEG: error says masks must be PNG', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.jpg': Buffer.from('x') });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/found a\.jpg: masks must be PNG/);
  });
  it('mask c.png without an image: error names the mask', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': mask(() => 0), 'masks/c.png': mask(() => 0) });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/masks\/c\.png: has no image of the same name/);
  });
  it('mask 4×8 for an 8×8 image: error names the mask and both sizes', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': greyPng(4, 8, () => 0) });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/masks\/a\.png: is 4×8 but its image .*images\/a\.png is 8×8/);
  });
  it('mask value 3 with classes.txt of 3 names: error names the file, value and pixel', () => {
    const root = makeRoot({
      'images/a.png': img(), 'masks/a.png': mask(() => 1),
      'images/b.png': img(), 'masks/b.png': mask((x, y) => (x === 5 && y === 2 ? 3 : 0)),
      'classes.txt': 'a\nb\nc\n',
    });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/masks\/b\.png: value 3 at pixel \(5, 2\) is not a class id: classes\.txt gives 3 classes/);
  });
  it('mask value 7 with numClasses 2: error names the file and value', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': mask(() => 7), 'images/b.png': img(), 'masks/b.png': mask(() => 1) });
    expect(() => readSegmentationDataset(root, 'toy', options({ numClasses: 2 }))).toThrow(/masks\/a\.png: value 7 .*numClasses gives 2 classes/);
  });
  it('corrupt image bytes: error names the file as unreadable', () => {
    const root = makeRoot({ 'images/a.png': Buffer.from('not a png at all'), 'masks/a.png': mask(() => 0) });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/images\/a\.png: cannot be read as an image/);
  });
  it('corrupt mask bytes: error names the mask', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(DataFileError);
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/masks\/a\.png: cannot be read as a PNG mask/);
  });
  it('no masks/ folder: error names it', () => {
    const root = makeRoot({ 'images/a.png': img() });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/masks: folder is missing/);
  });
  it('a single pair and no val/: error asks for more pairs or a val/ folder', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': mask(() => 0) });
    expect(() => readSegmentationDataset(root, 'toy', options())).toThrow(/at least 2 pairs/);
  });
  it('classes.txt with 3 names but numClasses 2: error names classes.txt', () => {
    const root = makeRoot({ 'images/a.png': img(), 'masks/a.png': mask(() => 0), 'classes.txt': 'a\nb\nc' });
    expect(() => readSegmentationDataset(root, 'toy', options({ numClasses: 2 }))).toThrow(/classes\.txt: lists 3 classes but numClasses is 2/);
  });
});

describe('shuffledIndices', () => {
  it('n=10: a permutation of 0..9', () => {
    expect(shuffledIndices(10, seeded(1)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
