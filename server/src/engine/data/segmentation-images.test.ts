import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage, decodeMask, encodeMaskPng, resizeImage, resizeMask, toChannels } from './segmentation-images';

/** CRC-32 of PNG chunks (ISO 3309), bit by bit: tiny and only for test files. */
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

/** A hand-built PNG (filter 0 on every row): what pngjs cannot write — palette and 16-bit grey. */
function rawPng(width: number, height: number, colorType: number, bitDepth: number, rows: Buffer[], palette?: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  const idat = deflateSync(Buffer.concat(rows.map((r) => Buffer.concat([Buffer.from([0]), r]))));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), ...(palette ? [chunk('PLTE', palette)] : []), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function rgbPng(width: number, height: number, rgb: (i: number) => [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data.set([...rgb(i), 255], i * 4);
  }
  return PNG.sync.write(png);
}

describe('decodeMask', () => {
  it('16-bit grey mask with ids 0, 300, 65535: values kept as stored', () => {
    const row = Buffer.alloc(6);
    row.writeUInt16BE(0, 0);
    row.writeUInt16BE(300, 2);
    row.writeUInt16BE(65535, 4);
    expect([...decodeMask('m.png', rawPng(3, 1, 0, 16, [row])).data]).toEqual([0, 300, 65535]);
  });
  it('8-bit palette mask (VOC style, index 255 = border): the indices, not the colours', () => {
    const palette = Buffer.alloc(256 * 3);
    palette.set([128, 0, 0], 3);
    const png = rawPng(3, 2, 3, 8, [Buffer.from([0, 1, 255]), Buffer.from([1, 1, 0])], palette);
    expect([...decodeMask('m.png', png).data]).toEqual([0, 1, 255, 1, 1, 0]);
  });
  it('RGB mask with R = G = B: read as grey ids', () => {
    expect([...decodeMask('m.png', rgbPng(3, 1, (i) => [i, i, i])).data]).toEqual([0, 1, 2]);
  });
  it('RGB mask with a coloured pixel at (1, 0): refused, naming the pixel', () => {
    expect(() => decodeMask('m.png', rgbPng(3, 1, (i) => (i === 1 ? [255, 0, 0] : [0, 0, 0])))).toThrow(/m\.png: is a colour mask \(pixel 1,0/);
  });
  it('JPEG mask: refused (lossy)', () => {
    expect(() => decodeMask('masks/1.jpg', Buffer.alloc(4))).toThrow(/masks\/1\.jpg: masks must be PNG/);
  });
});

describe('decodeImage', () => {
  it('RGB PNG: 3 channels in order', () => {
    const image = decodeImage('a.png', rgbPng(2, 1, (i) => [10 + i, 20 + i, 30 + i]));
    expect(image.channels).toBe(3);
    expect([...image.data]).toEqual([10, 20, 30, 11, 21, 31]);
  });
  it('.gif: refused as unreadable, naming the extension', () => {
    expect(() => decodeImage('images/a.gif', Buffer.alloc(4))).toThrow(/images\/a\.gif: cannot be read as an image: unsupported extension ".gif"/);
  });
});

describe('toChannels', () => {
  it('RGB (255, 0, 0) → grey 76 (ITU-R 601); grey 9 → RGB (9, 9, 9)', () => {
    expect([...toChannels({ width: 1, height: 1, channels: 3, data: Uint8Array.from([255, 0, 0]) }, 1).data]).toEqual([76]);
    expect([...toChannels({ width: 1, height: 1, channels: 1, data: Uint8Array.from([9]) }, 3).data]).toEqual([9, 9, 9]);
  });
});

describe('resizeImage', () => {
  it('2×1 [0, 100] → 4×1 with half-pixel centres: [0, 25, 75, 100]', () => {
    expect([...resizeImage({ width: 2, height: 1, channels: 1, data: Uint8Array.from([0, 100]) }, 4, 1).data]).toEqual([0, 25, 75, 100]);
  });
});

describe('resizeMask', () => {
  it('4×1 [0, 1, 2, 3] → 2×1 nearest with half-pixel centres: [1, 3] (ids never blended)', () => {
    expect([...resizeMask({ width: 4, height: 1, data: Uint16Array.from([0, 1, 2, 3]) }, 2, 1).data]).toEqual([1, 3]);
  });
});

describe('encodeMaskPng', () => {
  it('ids [0, 1, 7(ignore)]: black, white, grey', () => {
    const png = PNG.sync.read(encodeMaskPng(3, 1, [0, 1, 7], 7));
    expect([...png.data.subarray(0, 12)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255]);
  });
});
