import { extname } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DataFileError } from './datasets-error';
import { readPaletteIndices } from './png-palette';

/** An 8-bit image in memory: `height × width × channels`, row-major, interleaved. */
export interface RasterImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** A mask of class ids (or the ignore label), `height × width`, row-major. */
export interface RasterMask {
  width: number;
  height: number;
  data: Uint16Array;
}

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** True for the file names the reader takes as images (PNG or JPEG, any case). */
export function isImageFile(name: string): boolean {
  return IMAGE_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * Decodes a PNG or JPEG into 1 channel (grey sources) or 3 (colour sources); alpha is dropped.
 * `file` only names the source in errors.
 */
export function decodeImage(file: string, bytes: Buffer): RasterImage {
  const ext = extname(file).toLowerCase();
  let width: number;
  let height: number;
  let rgba: ArrayLike<number>;
  let grey: boolean;
  try {
    if (ext === '.png') {
      const png = PNG.sync.read(bytes);
      ({ width, height } = png);
      rgba = png.data;
      grey = !png.color;
    } else if (ext === '.jpg' || ext === '.jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
      ({ width, height } = img);
      rgba = img.data;
      grey = isGreyRgba(rgba);
    } else {
      throw new Error(`unsupported extension ${JSON.stringify(ext)} (PNG or JPEG expected)`);
    }
  } catch (error) {
    throw new DataFileError(file, `cannot be read as an image: ${(error as Error).message}`);
  }
  const channels = grey ? 1 : 3;
  const data = new Uint8Array(width * height * channels);
  for (let i = 0, o = 0; i < width * height; i++) {
    for (let c = 0; c < channels; c++) data[o++] = rgba[i * 4 + c];
  }
  return { width, height, channels, data };
}

/**
 * Decodes a PNG mask of class ids: a grey PNG (8 or 16 bit, values kept as stored), a palette PNG
 * (the palette indices are the ids, as in PASCAL VOC), or an RGB PNG whose three channels are
 * equal. Coloured RGB masks are refused with an error naming the file and the pixel.
 */
export function decodeMask(file: string, bytes: Buffer): RasterMask {
  if (extname(file).toLowerCase() !== '.png') {
    throw new DataFileError(file, 'masks must be PNG files (lossy JPEG would change class ids)');
  }
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(bytes, { skipRescale: true });
  } catch (error) {
    throw new DataFileError(file, `cannot be read as a PNG mask: ${(error as Error).message}`);
  }
  if (png.palette) {
    // pngjs has resolved the indices to colours: read them from the file itself.
    try {
      return readPaletteIndices(bytes)!;
    } catch (error) {
      throw new DataFileError(file, `cannot read the palette indices of this PNG mask: ${(error as Error).message}`);
    }
  }
  const { width, height } = png;
  const rgba = png.data as unknown as ArrayLike<number>;
  const data = new Uint16Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const v = rgba[i * 4];
    if (png.color && (rgba[i * 4 + 1] !== v || rgba[i * 4 + 2] !== v)) {
      throw new DataFileError(file, `is a colour mask (pixel ${i % width},${Math.floor(i / width)} has different R, G, B); save class ids as grey values`);
    }
    data[i] = v;
  }
  return { width, height, data };
}

function isGreyRgba(rgba: ArrayLike<number>): boolean {
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) return false;
  }
  return true;
}

/** Converts between 1 and 3 channels (grey → RGB by copying, RGB → grey by ITU-R 601 luma). */
export function toChannels(image: RasterImage, channels: number): RasterImage {
  if (image.channels === channels) return image;
  const n = image.width * image.height;
  const data = new Uint8Array(n * channels);
  if (channels === 3) {
    for (let i = 0; i < n; i++) data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = image.data[i];
  } else {
    const s = image.data;
    for (let i = 0; i < n; i++) data[i] = Math.round(0.299 * s[i * 3] + 0.587 * s[i * 3 + 1] + 0.114 * s[i * 3 + 2]);
  }
  return { ...image, channels, data };
}

/** Bilinear resize with half-pixel centres (as tf.image.resizeBilinear with halfPixelCenters). */
export function resizeImage(image: RasterImage, width: number, height: number): RasterImage {
  if (image.width === width && image.height === height) return image;
  const { channels: c, data: src } = image;
  const data = new Uint8Array(width * height * c);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), image.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, image.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), image.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, image.width - 1);
      const wx = fx - x0;
      for (let k = 0; k < c; k++) {
        const top = src[(y0 * image.width + x0) * c + k] * (1 - wx) + src[(y0 * image.width + x1) * c + k] * wx;
        const bottom = src[(y1 * image.width + x0) * c + k] * (1 - wx) + src[(y1 * image.width + x1) * c + k] * wx;
        data[(y * width + x) * c + k] = Math.round(top * (1 - wy) + bottom * wy);
      }
    }
  }
  return { width, height, channels: c, data };
}

/** Nearest-neighbour resize: class ids must never be blended. */
export function resizeMask(mask: RasterMask, width: number, height: number): RasterMask {
  if (mask.width === width && mask.height === height) return mask;
  const data = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(Math.floor(((y + 0.5) * mask.height) / height), mask.height - 1);
    for (let x = 0; x < width; x++) {
      const sx = Math.min(Math.floor(((x + 0.5) * mask.width) / width), mask.width - 1);
      data[y * width + x] = mask.data[sy * mask.width + sx];
    }
  }
  return { width, height, data };
}

/** Distinct colours for class ids in preview masks; the ignore label is drawn mid-grey. */
const PALETTE: readonly [number, number, number][] = [
  [0, 0, 0], [255, 255, 255], [230, 25, 75], [60, 180, 75], [255, 225, 25], [0, 130, 200],
  [245, 130, 48], [145, 30, 180], [70, 240, 240], [240, 50, 230], [210, 245, 60], [250, 190, 212],
];

/** Encodes an image (1 or 3 channels) as an 8-bit RGBA PNG. */
export function encodeImagePng(image: RasterImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let i = 0; i < image.width * image.height; i++) {
    for (let k = 0; k < 3; k++) png.data[i * 4 + k] = image.data[i * image.channels + (image.channels === 3 ? k : 0)];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Encodes class ids as a colour PNG (class 0 black, 1 white, then distinct hues; others grey). */
export function encodeMaskPng(width: number, height: number, classIds: ArrayLike<number>, ignoreLabel: number | null): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const id = classIds[i];
    const colour = id === ignoreLabel ? [128, 128, 128] : PALETTE[id % PALETTE.length];
    png.data[i * 4] = colour[0];
    png.data[i * 4 + 1] = colour[1];
    png.data[i * 4 + 2] = colour[2];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}
