import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One saved validation preview as PNG bytes. */
export interface PreviewPngs {
  index: number;
  image: Buffer;
  trueMask: Buffer;
  predictedMask: Buffer;
}

const PREVIEW_IMAGE = /^preview-(\d+)-image\.png$/;

/**
 * Reads the `preview-<k>-image|true|pred.png` triples that a segmentation run wrote into a
 * checkpoint folder (see savePreviews), in order of k. A folder without previews gives [];
 * a triple with a missing file is skipped (it was being written or was removed).
 */
export function readPreviews(dir: string): PreviewPngs[] {
  if (!existsSync(dir)) return [];
  const indices = readdirSync(dir)
    .map((f) => PREVIEW_IMAGE.exec(f)?.[1])
    .filter((k): k is string => k !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const previews: PreviewPngs[] = [];
  for (const index of indices) {
    const files = ['image', 'true', 'pred'].map((part) => join(dir, `preview-${index}-${part}.png`));
    if (!files.every((f) => existsSync(f))) continue;
    const [image, trueMask, predictedMask] = files.map((f) => readFileSync(f));
    previews.push({ index, image, trueMask, predictedMask });
  }
  return previews;
}
