import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DataFileError } from './datasets-error';
import { decodeImage, decodeMask, isImageFile, type RasterImage, type RasterMask } from './segmentation-images';

/** An image and its mask as decoded, before class ids are resolved or sizes fitted. */
export interface RawPair {
  name: string;
  imageFile: string;
  maskFile: string;
  image: RasterImage;
  mask: RasterMask;
}

/**
 * Reads `dir/images` and `dir/masks`: files matched by name without extension (PNG or JPEG images,
 * PNG masks), decoded, same size checked. DataFileError names the file for every problem.
 */
export function readPairs(dir: string): RawPair[] {
  const imageDir = join(dir, 'images');
  const maskDir = join(dir, 'masks');
  for (const d of [imageDir, maskDir]) {
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new DataFileError(d, 'folder is missing (a segmentation dataset has images/ and masks/ with files of the same names)');
  }
  const images = listByStem(imageDir, isImageFile);
  const masks = listByStem(maskDir, (f) => extname(f).toLowerCase() === '.png');
  const otherMasks = listByStem(maskDir, isImageFile);
  if (images.size === 0) throw new DataFileError(imageDir, 'holds no PNG or JPEG images');
  for (const [stem, file] of images) {
    if (!masks.has(stem)) {
      const hint = otherMasks.has(stem) ? ` (found ${basename(otherMasks.get(stem)!)}: masks must be PNG)` : '';
      throw new DataFileError(file, `has no mask: expected ${join(maskDir, `${stem}.png`)}${hint}`);
    }
  }
  for (const [stem, file] of masks) {
    if (!images.has(stem)) throw new DataFileError(file, `has no image of the same name in ${imageDir}`);
  }
  return [...images.keys()].sort(naturalCompare).map((stem) => {
    const imageFile = images.get(stem)!;
    const maskFile = masks.get(stem)!;
    const image = decodeImage(imageFile, readBytes(imageFile));
    const mask = decodeMask(maskFile, readBytes(maskFile));
    if (image.width !== mask.width || image.height !== mask.height) {
      throw new DataFileError(maskFile, `is ${mask.width}×${mask.height} but its image ${imageFile} is ${image.width}×${image.height}`);
    }
    return { name: stem, imageFile, maskFile, image, mask };
  });
}

function listByStem(dir: string, accept: (file: string) => boolean): Map<string, string> {
  const byStem = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (file.startsWith('.') || !accept(file)) continue;
    const stem = file.slice(0, file.length - extname(file).length);
    if (byStem.has(stem)) throw new DataFileError(join(dir, file), `has the same name as ${byStem.get(stem)} with another extension`);
    byStem.set(stem, join(dir, file));
  }
  return byStem;
}

/** The file's bytes, or DataFileError naming it. */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new DataFileError(file, `cannot be read: ${(error as Error).message}`);
  }
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
