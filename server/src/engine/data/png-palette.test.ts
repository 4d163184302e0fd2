import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPaletteIndices } from './png-palette';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** PNG filter `type` applied to one scanline (1 byte per pixel), as an encoder would. */
function filterLine(type: number, line: number[], previous: number[]): number[] {
  return line.map((x, i) => {
    const a = i > 0 ? line[i - 1] : 0;
    const b = previous[i] ?? 0;
    const c = i > 0 ? previous[i - 1] ?? 0 : 0;
    const paeth = () => {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    };
    const predictor = [0, a, b, (a + b) >> 1, paeth()][type];
    return (x - predictor) & 0xff;
  });
}

/** An indexed PNG of packed `lines` (bytes per line already packed), each line with its filter. */
function palettePng(width: number, height: number, bitDepth: number, lines: number[][], filters: number[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = 3;
  const rows = lines.map((line, y) => Buffer.from([filters[y], ...filterLine(filters[y], line, y > 0 ? lines[y - 1] : [])]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('PLTE', Buffer.alloc(16 * 3)), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('readPaletteIndices', () => {
  it('8 bit, 5 rows with filters none, sub, up, average, paeth: the indices back', () => {
    const lines = [[3, 7, 200, 0], [9, 9, 1, 255], [4, 8, 15, 16], [23, 42, 42, 0], [250, 1, 2, 3]];
    const got = readPaletteIndices(palettePng(4, 5, 8, lines, [0, 1, 2, 3, 4]))!;
    expect([got.width, got.height]).toEqual([4, 5]);
    expect([...got.data]).toEqual(lines.flat());
  });
  it('4 bit, width 3: two pixels per byte, the last half-byte unused', () => {
    // indices [1, 15, 6] → bytes 0x1F, 0x60
    expect([...readPaletteIndices(palettePng(3, 1, 4, [[0x1f, 0x60]], [1]))!.data]).toEqual([1, 15, 6]);
  });
  it('1 bit, width 10: bits from the most significant', () => {
    // indices 1 0 1 1 0 0 0 1 | 1 0 → 0b10110001, 0b10000000
    expect([...readPaletteIndices(palettePng(10, 1, 1, [[0b10110001, 0b10000000]], [0]))!.data]).toEqual([1, 0, 1, 1, 0, 0, 0, 1, 1, 0]);
  });
  it('a grey PNG: null (not a palette image)', () => {
    const png = palettePng(1, 1, 8, [[0]], [0]);
    png[25] = 0; // colour type grey (CRC not checked here)
    expect(readPaletteIndices(png)).toBeNull();
  });
  it('interlaced: throws saying so', () => {
    const png = palettePng(1, 1, 8, [[0]], [0]);
    png[28] = 1; // IHDR interlace method (CRC not checked here)
    expect(() => readPaletteIndices(png)).toThrow(/interlaced palette PNGs are not supported/);
  });
  it('not a PNG: throws', () => {
    expect(() => readPaletteIndices(Buffer.alloc(40))).toThrow(/not a PNG/);
  });
});
