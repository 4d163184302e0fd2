import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError } from './datasets-error';
import { resizeImage, resizeMask, toChannels, type RasterImage, type RasterMask } from './segmentation-images';
import { readBytes, readPairs, type RawPair } from './segmentation-pairs';

/** One image with its mask, both already at the size the batches are cut from. */
export interface SegmentationSample {
  /** File name without extension, shared by the image and its mask. */
  name: string;
  image: RasterImage;
  /** Class ids in [0, numClasses), or the ignore label. */
  mask: RasterMask;
}

/** A dataset folder read into memory. */
export interface SegmentationDataset {
  dir: string;
  /** 1 when the first training image is grey, else 3; every image is converted to it. */
  channels: number;
  numClasses: number;
  /** From classes.txt, else `class 0`, `class 1`, … */
  classNames: string[];
  ignoreLabel: number | null;
  /** True when the masks held 0/255 and 255 was mapped to class 1. */
  binary255: boolean;
  /** Where the validation pairs came from: the `val/` folder or a seeded split of the training pairs. */
  valSource: 'folder' | 'split';
  train: SegmentationSample[];
  val: SegmentationSample[];
}

/** Options of `readSegmentationDataset`. */
export interface ReadSegmentationOptions {
  /** Network input side. `resize` fit: every pair is resized to it; `crop`: pairs smaller than it are scaled up. */
  imageSize: number;
  fit: 'crop' | 'resize';
  /** Class count (null: classes.txt, else 2 for 0/255 masks, else the largest mask value + 1). */
  numClasses: number | null;
  ignoreLabel: number | null;
  /** Share held out when there is no val/ folder (at least one pair). */
  valFraction: number;
  /** Uniform [0, 1) source for the validation split. */
  random: () => number;
}

/**
 * Reads `<dataRoot>/segmentation/<name>/`: `images/` and `masks/` with files of the same names
 * (PNG or JPEG images, PNG masks), optional `val/images` + `val/masks`, optional `classes.txt`.
 * Throws DataFileError naming the file for a missing folder, an image without mask (or the reverse),
 * an unreadable file, an image and mask of different sizes, or a mask value that is not a class id.
 */
export function readSegmentationDataset(dataRoot: string, name: string, options: ReadSegmentationOptions): SegmentationDataset {
  const dir = join(dataRoot, 'segmentation', name);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataFileError(dir, `no segmentation dataset ${JSON.stringify(name)} here (expected a folder with images/ and masks/)`);
  }
  const classNames = readClassNames(join(dir, 'classes.txt'));
  if (classNames && options.numClasses !== null && classNames.length !== options.numClasses) {
    throw new DataFileError(join(dir, 'classes.txt'), `lists ${classNames.length} classes but numClasses is ${options.numClasses}`);
  }
  const trainPairs = readPairs(dir);
  const valDir = join(dir, 'val');
  const valPairs = existsSync(valDir) ? readPairs(valDir) : [];
  const all = [...trainPairs, ...valPairs];
  const labels = resolveLabels(all, options.numClasses ?? classNames?.length ?? null, options.ignoreLabel);
  for (const pair of all) checkMask(pair, labels, classNames !== null);

  const channels = trainPairs[0].image.channels;
  const samples = (pairs: RawPair[]) => pairs.map((p) => fitSample(p, channels, labels.binary255, options));
  let train = samples(trainPairs);
  let val = samples(valPairs);
  if (valPairs.length === 0) {
    if (train.length < 2) throw new DataFileError(join(dir, 'images'), 'needs at least 2 pairs to hold one out for validation (or a val/ folder)');
    const order = shuffledIndices(train.length, options.random);
    const held = new Set(order.slice(0, Math.max(1, Math.round(train.length * options.valFraction))));
    val = train.filter((_, i) => held.has(i));
    train = train.filter((_, i) => !held.has(i));
  }
  return {
    dir,
    channels,
    numClasses: labels.numClasses,
    classNames: classNames ?? Array.from({ length: labels.numClasses }, (_, i) => `class ${i}`),
    ignoreLabel: options.ignoreLabel,
    binary255: labels.binary255,
    valSource: valPairs.length > 0 ? 'folder' : 'split',
    train,
    val,
  };
}

function readClassNames(file: string): string[] | null {
  if (!existsSync(file)) return null;
  const names = readBytes(file).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (names.length < 2) throw new DataFileError(file, `lists ${names.length} class name(s); a segmentation needs at least 2`);
  return names;
}

interface LabelSpace {
  numClasses: number;
  binary255: boolean;
  ignoreLabel: number | null;
}

/** 0/255 masks are two classes unless the class count says otherwise or 255 is the ignore label. */
function resolveLabels(pairs: RawPair[], declared: number | null, ignoreLabel: number | null): LabelSpace {
  let max = 0;
  let only0and255 = true;
  for (const { mask } of pairs) {
    for (const v of mask.data) {
      if (v === ignoreLabel) continue;
      if (v > max) max = v;
      if (v !== 0 && v !== 255) only0and255 = false;
    }
  }
  const binary255 = only0and255 && max === 255 && (declared === null || declared === 2) && ignoreLabel !== 255;
  const numClasses = declared ?? (binary255 ? 2 : Math.max(2, max + 1));
  return { numClasses, binary255, ignoreLabel };
}

function checkMask({ maskFile, mask }: RawPair, labels: LabelSpace, fromClassesTxt: boolean): void {
  const { numClasses, binary255, ignoreLabel } = labels;
  for (let i = 0; i < mask.data.length; i++) {
    const v = mask.data[i];
    if (v === ignoreLabel || v < numClasses || (binary255 && v === 255)) continue;
    const source = fromClassesTxt ? 'classes.txt' : 'numClasses';
    const ignore = ignoreLabel === null ? 'no ignore label is set' : `the ignore label is ${ignoreLabel}`;
    throw new DataFileError(maskFile, `value ${v} at pixel (${i % mask.width}, ${Math.floor(i / mask.width)}) is not a class id: ${source} gives ${numClasses} classes (0–${numClasses - 1}) and ${ignore}`);
  }
}

function fitSample(pair: RawPair, channels: number, binary255: boolean, options: ReadSegmentationOptions): SegmentationSample {
  let image = toChannels(pair.image, channels);
  let mask = pair.mask;
  if (binary255) mask = { ...mask, data: mask.data.map((v) => (v === 255 ? 1 : v)) };
  const size = options.imageSize;
  if (options.fit === 'resize') {
    image = resizeImage(image, size, size);
    mask = resizeMask(mask, size, size);
  } else if (image.width < size || image.height < size) {
    // Crops need at least `size` pixels each way: scale the pair up, keeping its aspect ratio.
    const scale = size / Math.min(image.width, image.height);
    const w = Math.max(size, Math.round(image.width * scale));
    const h = Math.max(size, Math.round(image.height * scale));
    image = resizeImage(image, w, h);
    mask = resizeMask(mask, w, h);
  }
  return { name: pair.name, image, mask };
}

/** Fisher–Yates over 0..n-1 with the given uniform source. */
export function shuffledIndices(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
