import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFileError, loadCifar, type CifarProgress } from './cifar';
import { cifarRecords, SHARED_DATA, tarGz, tempDir, writeCifar10, writeCifar100 } from './cifar-fixtures.test-helper';

const dirs: string[] = [];
function tmp(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function expectDataError(promise: Promise<unknown>, file: string, problem: RegExp): Promise<void> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataFileError);
  expect((err as DataFileError).file).toBe(file);
  expect((err as DataFileError).problem).toMatch(problem);
}

describe('loadCifar', () => {
  it('real CIFAR-10 sample: 3200 train / 800 test records, labels and pixels as read with od', async () => {
    const phases = new Set<string>();
    const data = await loadCifar(SHARED_DATA, 'cifar10', { onProgress: (p) => phases.add(p.phase) });
    expect(data.name).toBe('cifar10');
    expect(data.numClasses).toBe(10);
    expect(data.classNames).toEqual(['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']);
    expect(data.train.count).toBe(3200);
    expect(data.test.count).toBe(800);
    expect(data.train.images.length).toBe(3200 * 3072);
    expect(data.test.labels.length).toBe(800);
    // `od -An -tu1 -N5 data_batch_1.bin` → 6 59 43 50 68; record 1 starts with label 9; G[0]=62, B[0]=63.
    expect(Array.from(data.train.labels.subarray(0, 2))).toEqual([6, 9]);
    expect(Array.from(data.train.images.subarray(0, 4))).toEqual([59, 43, 50, 68]);
    expect([data.train.images[1024], data.train.images[2048]]).toEqual([62, 63]);
    expect(data.train.labels[3199]).toBe(9);
    expect(data.test.labels[0]).toBe(6);
    expect(data.test.labels[799]).toBe(4);
    expect(data.test.images[799 * 3072 + 3071]).toBe(57); // od -j$((3073*799+3072)) -N1 test_batch.bin
    const histogram = new Array(10).fill(0);
    for (const l of data.train.labels) histogram[l]++;
    expect(Math.max(...data.train.labels)).toBeLessThan(10);
    expect(histogram.every((n) => n > 200)).toBe(true); // the first 3,200 official images are roughly balanced
    expect(phases).toEqual(new Set(['read']));
  });

  it('generated CIFAR-100: fine labels, 100 fine class names, record size 3074', async () => {
    const root = tmp();
    const train = Array.from({ length: 30 }, (_, r) => [r % 20, (r * 37) % 100]);
    const test = [[19, 99], [0, 0], [5, 42]];
    writeCifar100(root, train, test);
    const data = await loadCifar(root, 'cifar100');
    expect(data.numClasses).toBe(100);
    expect(data.classNames.length).toBe(100);
    expect(data.classNames[99]).toBe('fine_99');
    expect(data.train.count).toBe(30);
    expect(Array.from(data.train.labels)).toEqual(train.map(([, fine]) => fine));
    expect(Array.from(data.test.labels)).toEqual([99, 0, 42]);
    // pixel p of record r was written as (r*7 + p) % 256, right after the two label bytes
    expect(data.train.images[5 * 3072 + 100]).toBe((5 * 7 + 100) % 256);
    expect(data.test.images[2 * 3072 + 3071]).toBe((2 * 7 + 3071) % 256);
  });

  it('any number of CIFAR-10 training files, in numeric order (data_batch_2 before data_batch_10)', async () => {
    const root = tmp();
    writeCifar10(root, { 'data_batch_10.bin': [3, 3], 'data_batch_2.bin': [2], 'data_batch_1.bin': [1, 1, 1] }, [0]);
    const data = await loadCifar(root, 'cifar10');
    expect(data.train.count).toBe(6);
    expect(Array.from(data.train.labels)).toEqual([1, 1, 1, 2, 3, 3]);
    expect(data.classNames[9]).toBe('c9');
  });

  it('file size not a multiple of 3073: error names the file and the sizes', async () => {
    const root = tmp();
    const dir = writeCifar10(root, { 'data_batch_1.bin': [1, 2] }, [0]);
    truncateSync(join(dir, 'data_batch_1.bin'), 3073 * 2 - 5);
    await expectDataError(loadCifar(root, 'cifar10'), join(dir, 'data_batch_1.bin'), /size 6141 bytes is not a multiple of the record size 3073/);
  });

  it('empty test file: error says it holds no records', async () => {
    const root = tmp();
    const dir = writeCifar10(root, { 'data_batch_1.bin': [1] }, [0]);
    writeFileSync(join(dir, 'test_batch.bin'), new Uint8Array(0));
    await expectDataError(loadCifar(root, 'cifar10'), join(dir, 'test_batch.bin'), /empty/);
  });

  it('CIFAR-10 label 10: error names file, record and value', async () => {
    const root = tmp();
    const dir = writeCifar10(root, { 'data_batch_1.bin': [1, 2, 10] }, [0]);
    await expectDataError(loadCifar(root, 'cifar10'), join(dir, 'data_batch_1.bin'), /record 2 \(byte offset 6146\): label 10 is out of range 0\.\.9/);
  });

  it('CIFAR-100 fine label 100 and coarse label 20 are out of range', async () => {
    const root = tmp();
    const dir = writeCifar100(root, [[1, 1]], [[3, 100]]);
    await expectDataError(loadCifar(root, 'cifar100'), join(dir, 'test.bin'), /record 0 .*fine label 100 is out of range 0\.\.99/);
    writeFileSync(join(dir, 'test.bin'), cifarRecords([[0, 0], [20, 5]]));
    await expectDataError(loadCifar(root, 'cifar100'), join(dir, 'test.bin'), /record 1 .*coarse label 20 is out of range 0\.\.19/);
  });

  it('missing test file: error names the expected path', async () => {
    const root = tmp();
    const dir = writeCifar10(root, { 'data_batch_1.bin': [1] }, null);
    await expectDataError(loadCifar(root, 'cifar10'), join(dir, 'test_batch.bin'), /test file is missing/);
  });

  it('folder without training files: error names the folder', async () => {
    const root = tmp();
    const dir = writeCifar10(root, {}, [0]);
    await expectDataError(loadCifar(root, 'cifar10'), dir, /no training file \(data_batch_1\.bin/);
  });

  it('class names file with 9 names: error names the file', async () => {
    const root = tmp();
    const dir = writeCifar10(root, { 'data_batch_1.bin': [1] }, [0]);
    writeFileSync(join(dir, 'batches.meta.txt'), 'a\nb\nc\nd\ne\nf\ng\nh\ni\n');
    await expectDataError(loadCifar(root, 'cifar10'), join(dir, 'batches.meta.txt'), /holds 9 class names, expected 10/);
  });

  it('name "__proto__" or "mnist": error naming the value, nothing read', async () => {
    const root = tmp();
    for (const name of ['__proto__', 'mnist']) {
      await expectDataError(loadCifar(root, name as 'cifar10'), root, new RegExp(`unknown CIFAR dataset "${name}" \\(expected cifar10 or cifar100\\)`));
    }
  });

  it('no folder, no archive, download not allowed: error says where to put the files', async () => {
    const root = tmp();
    await expectDataError(loadCifar(root, 'cifar100'), root, /cifar-100-binary\/ or the archive cifar-100-binary\.tar\.gz .*allow downloading/);
  });

  it('generated .tar.gz archive: same records as the folder, extract progress reaches the archive size', async () => {
    const root = tmp();
    const train = Array.from({ length: 12 }, (_, r) => [r % 20, 99 - r]);
    const dir = writeCifar100(root, train, [[1, 7]]);
    const fromFolder = await loadCifar(root, 'cifar100');
    const archive = tarGz(root, 'cifar-100-binary', 'cifar-100-binary.tar.gz');
    rmSync(dir, { recursive: true });
    const events: CifarProgress[] = [];
    const fromArchive = await loadCifar(root, 'cifar100', { onProgress: (p) => events.push(p) });
    expect(fromArchive.train.count).toBe(12);
    expect(Array.from(fromArchive.train.labels)).toEqual(Array.from(fromFolder.train.labels));
    expect(Buffer.compare(fromArchive.train.images, fromFolder.train.images)).toBe(0);
    expect(Buffer.compare(fromArchive.test.images, fromFolder.test.images)).toBe(0);
    expect(fromArchive.classNames).toEqual(fromFolder.classNames);
    const extract = events.filter((e) => e.phase === 'extract');
    expect(extract.at(-1)).toEqual({ phase: 'extract', loaded: readFileSync(archive).length, total: readFileSync(archive).length });
    expect(events.at(-1)).toEqual({ phase: 'read', loaded: 1, total: 1 });
  });

  it('real CIFAR-10 sample packed as an archive reads identically to the folder', async () => {
    const root = tmp();
    const archive = join(root, 'cifar-10-binary.tar.gz');
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['czf', archive, '-C', SHARED_DATA, 'cifar-10-batches-bin']);
    const [a, b] = [await loadCifar(root, 'cifar10'), await loadCifar(SHARED_DATA, 'cifar10')];
    expect(a.train.count).toBe(3200);
    expect(Buffer.compare(a.train.images, b.train.images)).toBe(0);
    expect(Buffer.compare(a.test.labels, b.test.labels)).toBe(0);
  });

  it('truncated archive: corrupt-archive error names the archive', async () => {
    const root = tmp();
    writeCifar10(root, { 'data_batch_1.bin': [1, 2, 3] }, [0]);
    const archive = tarGz(root, 'cifar-10-batches-bin', 'cifar-10-binary.tar.gz');
    rmSync(join(root, 'cifar-10-batches-bin'), { recursive: true });
    truncateSync(archive, Math.floor(readFileSync(archive).length / 2));
    await expectDataError(loadCifar(root, 'cifar10'), archive, /corrupt archive/);
  });

  it('archive with a flipped byte: gzip CRC or data error, named as corrupt', async () => {
    const root = tmp();
    writeCifar10(root, { 'data_batch_1.bin': [1, 2, 3] }, [0]);
    const archive = tarGz(root, 'cifar-10-batches-bin', 'cifar-10-binary.tar.gz');
    rmSync(join(root, 'cifar-10-batches-bin'), { recursive: true });
    const bytes = readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(archive, bytes);
    await expectDataError(loadCifar(root, 'cifar10'), archive, /corrupt archive/);
  });

  it('a file that is not gzip at all: corrupt-archive error', async () => {
    const root = tmp();
    writeFileSync(join(root, 'cifar-10-binary.tar.gz'), 'this is not an archive\n');
    await expectDataError(loadCifar(root, 'cifar10'), join(root, 'cifar-10-binary.tar.gz'), /corrupt archive: not a valid gzip stream/);
  });

  it('archive missing the test file: error names the member path inside the archive', async () => {
    const root = tmp();
    writeCifar10(root, { 'data_batch_1.bin': [1] }, null);
    const archive = tarGz(root, 'cifar-10-batches-bin', 'cifar-10-binary.tar.gz');
    rmSync(join(root, 'cifar-10-batches-bin'), { recursive: true });
    await expectDataError(loadCifar(root, 'cifar10'), `${archive}:cifar-10-batches-bin/test_batch.bin`, /test file is missing/);
  });

  it('no data, download allowed: fetches the archive from a local server, verifies MD5, then reads it', async () => {
    const source = tmp();
    writeCifar10(source, { 'data_batch_1.bin': [4, 5], 'data_batch_2.bin': [6] }, [7, 8]);
    const archive = readFileSync(tarGz(source, 'cifar-10-batches-bin', 'cifar-10-binary.tar.gz'));
    const server = createServer((_req, res) => res.end(archive));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cifar-10-binary.tar.gz`;
    const md5 = createHash('md5').update(archive).digest('hex');
    try {
      const root = join(tmp(), 'fresh-root');
      const phases: string[] = [];
      const data = await loadCifar(root, 'cifar10', {
        download: true,
        source: { url, sizeBytes: archive.length, md5 },
        onProgress: (p) => phases.at(-1) !== p.phase && phases.push(p.phase),
      });
      expect(phases).toEqual(['download', 'verify', 'extract', 'read']);
      expect(Array.from(data.train.labels)).toEqual([4, 5, 6]);
      expect(Array.from(data.test.labels)).toEqual([7, 8]);
      expect(readFileSync(join(root, 'cifar-10-binary.tar.gz')).equals(archive)).toBe(true);

      const badRoot = tmp();
      const err = await loadCifar(badRoot, 'cifar10', { download: true, source: { url, sizeBytes: archive.length, md5: 'f'.repeat(32) } }).catch((e) => e);
      expect(err).toBeInstanceOf(DataFileError);
      expect(err.file).toBe(join(badRoot, 'cifar-10-binary.tar.gz'));
      expect(err.problem).toMatch(/MD5 [0-9a-f]{32} differs from the expected f{32}: corrupt download/);
      expect(readdirSync(badRoot)).toEqual([]);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('download fails (nothing listening): the error names the URL and says where to put the files instead', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/cifar-10-binary.tar.gz`;
    await new Promise((done) => closed.close(done));
    const root = tmp();
    const err = await loadCifar(root, 'cifar10', { download: true, source: { url, sizeBytes: 10, md5: 'f'.repeat(32) } }).catch((e) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect(err.file).toBe(url);
    expect(err.problem).toMatch(/download failed/);
    expect(err.problem).toContain(`put cifar-10-binary.tar.gz (from ${url}) or its extracted folder cifar-10-batches-bin/ at the top of the data root ${root}`);
  });
});
