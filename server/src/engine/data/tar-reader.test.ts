import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cifar-fixtures.test-helper';
import { TarFormatError, TarReader } from './tar-reader';

const root = tempDir('orthoscope-tar-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const longDir = `${'d'.repeat(60)}/${'e'.repeat(70)}`; // 131 characters: too long for the 100-byte name field
const files: Record<string, Uint8Array> = {
  'set/a.bin': Uint8Array.from({ length: 1000 }, (_, i) => i % 256),
  'set/empty.txt': new Uint8Array(0),
  'set/exact.bin': new Uint8Array(512).fill(7), // body ends on a block boundary: no padding
  [`set/${longDir}/long-name.txt`]: new TextEncoder().encode('found through a long name\n'),
};
mkdirSync(join(root, 'src', 'set', longDir), { recursive: true });
for (const [name, body] of Object.entries(files)) writeFileSync(join(root, 'src', name), body);

/** System tar (GNU) in the given format, uncompressed. */
function tarBytes(format: 'gnu' | 'pax' | 'ustar'): Uint8Array {
  const out = join(root, `${format}.tar`);
  execFileSync('tar', ['cf', out, `--format=${format}`, '-C', join(root, 'src'), 'set']);
  return readFileSync(out);
}

function readAll(bytes: Uint8Array, chunk: number, select = () => true): Map<string, Uint8Array> {
  const reader = new TarReader(select);
  for (let i = 0; i < bytes.length; i += chunk) reader.push(bytes.subarray(i, i + chunk));
  reader.finish();
  return reader.files;
}

describe('TarReader', () => {
  for (const format of ['gnu', 'pax', 'ustar'] as const) {
    for (const chunk of [1, 511, 513, 1 << 20]) {
      it(`format=${format} chunks of ${chunk} bytes: every file with its exact body, long names resolved`, () => {
        const got = readAll(tarBytes(format), chunk);
        expect([...got.keys()].sort()).toEqual(Object.keys(files).sort());
        for (const [name, body] of Object.entries(files)) expect(Buffer.from(got.get(name)!).equals(Buffer.from(body))).toBe(true);
      });
    }
  }

  it('select a.bin only: other bodies are not kept', () => {
    const reader = new TarReader((entry) => entry.name.endsWith('a.bin'));
    reader.push(tarBytes('gnu'));
    reader.finish();
    expect([...reader.files.keys()]).toEqual(['set/a.bin']);
  });

  it('old GNU header with an access time at byte 345: not mistaken for a ustar name prefix', () => {
    const out = join(root, 'gnu-one.tar');
    execFileSync('tar', ['cf', out, '--format=gnu', '-C', join(root, 'src'), 'set/a.bin']);
    const bytes = Uint8Array.from(readFileSync(out));
    expect(new TextDecoder().decode(bytes.subarray(257, 265))).toBe('ustar  \0');
    bytes.set(new TextEncoder().encode('14567012345\0'), 345); // atime field of the GNU header
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : bytes[i];
    bytes.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    expect([...readAll(bytes, 512).keys()]).toEqual(['set/a.bin']);
  });

  it('one changed byte in a header: checksum mismatch error with the header offset', () => {
    const bytes = Uint8Array.from(tarBytes('ustar'));
    bytes[10] ^= 0x20; // inside the first member's name
    expect(() => readAll(bytes, 4096)).toThrow(TarFormatError);
    expect(() => readAll(bytes, 4096)).toThrow(/header checksum mismatch at byte 0/);
  });

  it('random bytes: not a tar archive', () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256);
    expect(() => readAll(bytes, 2048)).toThrow(/not a tar archive or corrupt/);
  });

  it('archive cut inside a member body: finish() names the member', () => {
    const out = join(root, 'one.tar');
    execFileSync('tar', ['cf', out, '--format=ustar', '-C', join(root, 'src'), 'set/a.bin']);
    const reader = new TarReader(() => true);
    reader.push(readFileSync(out).subarray(0, 512 + 100)); // header + 100 of the 1000 body bytes
    expect(() => reader.finish()).toThrow(/archive ends inside member set\/a\.bin \(truncated at byte 612\)/);
  });

  it('archive cut inside a header: finish() says so', () => {
    const reader = new TarReader(() => true);
    reader.push(tarBytes('gnu').subarray(0, 300));
    expect(() => reader.finish()).toThrow(/archive ends inside a header \(truncated at byte 300\)/);
  });
});
