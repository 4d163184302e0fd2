import { inflateSync } from 'node:zlib';

/**
 * Palette indices of an indexed-colour PNG (colour type 3, bit depth 1, 2, 4 or 8, not interlaced)
 * — what segmentation masks such as PASCAL VOC's store as class ids. pngjs resolves indices to
 * colours, which would lose them; this reads IHDR and IDAT itself and undoes the scanline filters.
 * Returns null for any other PNG; throws Error for a broken one.
 */
export function readPaletteIndices(bytes: Buffer): { width: number; height: number; data: Uint16Array } | null {
  if (bytes.length < 33 || bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG file');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [bitDepth, colorType, , , interlace] = bytes.subarray(24, 29);
  if (colorType !== 3) return null;
  if (interlace !== 0) throw new Error('interlaced palette PNGs are not supported; save the mask without interlacing');
  if (![1, 2, 4, 8].includes(bitDepth)) throw new Error(`palette PNG with bit depth ${bitDepth}`);
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = Math.ceil((width * bitDepth) / 8);
  if (raw.length < height * (stride + 1)) throw new Error(`image data holds ${raw.length} bytes, ${height * (stride + 1)} expected`);
  const data = new Uint16Array(width * height);
  let previous: Uint8Array = new Uint8Array(stride);
  const perByte = 8 / bitDepth;
  const mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    const row = unfilter(raw[y * (stride + 1)], raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), previous);
    for (let x = 0; x < width; x++) {
      const byte = row[Math.floor(x / perByte)];
      data[y * width + x] = (byte >> (8 - bitDepth * ((x % perByte) + 1))) & mask;
    }
    previous = row;
  }
  return { width, height, data };
}

/** Undoes one scanline's filter (PNG spec §9; 1 byte per pixel for palette images). */
function unfilter(filter: number, line: Uint8Array, previous: Uint8Array): Uint8Array {
  const out = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const a = i > 0 ? out[i - 1] : 0;
    const b = previous[i];
    const c = i > 0 ? previous[i - 1] : 0;
    let predictor: number;
    switch (filter) {
      case 0: predictor = 0; break;
      case 1: predictor = a; break;
      case 2: predictor = b; break;
      case 3: predictor = (a + b) >> 1; break;
      case 4: {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        break;
      }
      default: throw new Error(`unknown PNG filter type ${filter}`);
    }
    out[i] = (line[i] + predictor) & 0xff;
  }
  return out;
}
