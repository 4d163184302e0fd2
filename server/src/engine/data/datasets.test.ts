import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_DATA, tempDir } from './cifar-fixtures.test-helper';
import { listDatasets } from './datasets';

const dirs: string[] = [];
function tmp(): string {
  const dir = tempDir('orthoscope-datasets-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function filesBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

describe('listDatasets', () => {
  it('real data root: cifar10 folder available with its byte size, cifar100 downloadable, nietzsche, brown, membrane', () => {
    const list = listDatasets(SHARED_DATA);
    expect(list.map((d) => `${d.kind}:${d.name}:${d.status}`)).toEqual([
      'cnn:cifar10:available',
      'cnn:cifar100:downloadable',
      'char_rnn:brown:available',
      'char_rnn:nietzsche:available',
      'segmentation:isbi2012-membrane:available',
    ]);
    const [cifar10, cifar100, brown, nietzsche, membrane] = list;
    expect(cifar10.path).toBe(join(SHARED_DATA, 'cifar-10-batches-bin'));
    expect(cifar10.sizeBytes).toBe(9_833_600 + 2_458_400 + 60); // data_batch_1 + test_batch + batches.meta.txt
    expect(cifar100).toEqual({ name: 'cifar100', kind: 'cnn', status: 'downloadable', path: null, sizeBytes: 168_513_733 });
    expect(brown).toEqual({ name: 'brown', kind: 'char_rnn', status: 'available', path: null, sizeBytes: null });
    expect(nietzsche.path).toBe(join(SHARED_DATA, 'text', 'nietzsche.txt'));
    expect(nietzsche.sizeBytes).toBe(statSync(join(SHARED_DATA, 'text', 'nietzsche.txt')).size);
    const seg = join(SHARED_DATA, 'segmentation', 'isbi2012-membrane');
    expect(membrane.path).toBe(seg);
    expect(membrane.sizeBytes).toBe(filesBytes(join(seg, 'images')) + filesBytes(join(seg, 'masks')));
  });

  it('root that does not exist: both CIFAR sets downloadable, only the embedded text corpus', () => {
    const list = listDatasets(join(tmp(), 'nowhere'));
    expect(list.map((d) => `${d.name}:${d.status}`)).toEqual(['cifar10:downloadable', 'cifar100:downloadable', 'brown:available']);
    expect(list[0].sizeBytes).toBe(170_052_171);
  });

  it('allowDownload false: absent CIFAR sets are missing with no size', () => {
    const list = listDatasets(tmp(), { allowDownload: false });
    expect(list.slice(0, 2)).toEqual([
      { name: 'cifar10', kind: 'cnn', status: 'missing', path: null, sizeBytes: null },
      { name: 'cifar100', kind: 'cnn', status: 'missing', path: null, sizeBytes: null },
    ]);
  });

  it('archive at the top of the root: available with the archive path and size', () => {
    const root = tmp();
    writeFileSync(join(root, 'cifar-100-binary.tar.gz'), new Uint8Array(1234));
    const cifar100 = listDatasets(root).find((d) => d.name === 'cifar100');
    expect(cifar100).toEqual({ name: 'cifar100', kind: 'cnn', status: 'available', path: join(root, 'cifar-100-binary.tar.gz'), sizeBytes: 1234 });
  });

  it('text/: only regular *.txt files; a user brown.txt replaces the embedded corpus', () => {
    const root = tmp();
    mkdirSync(join(root, 'text', 'folder.txt'), { recursive: true });
    writeFileSync(join(root, 'text', 'shakespeare.txt'), 'to be or not to be\n');
    writeFileSync(join(root, 'text', 'brown.txt'), 'mine\n');
    writeFileSync(join(root, 'text', 'notes.md'), '# not a corpus\n');
    writeFileSync(join(root, 'text', '..txt'), 'name would be "."\n');
    const text = listDatasets(root).filter((d) => d.kind === 'char_rnn');
    expect(text).toEqual([
      { name: 'brown', kind: 'char_rnn', status: 'available', path: join(root, 'text', 'brown.txt'), sizeBytes: 5 },
      { name: 'shakespeare', kind: 'char_rnn', status: 'available', path: join(root, 'text', 'shakespeare.txt'), sizeBytes: 19 },
    ]);
  });

  it('segmentation/: folders with images/ and masks/ only, size summed over both', () => {
    const root = tmp();
    for (const [name, subs] of [['cells', ['images', 'masks']], ['half', ['images']], ['roads', ['images', 'masks', 'val/images', 'val/masks']]] as const) {
      for (const sub of subs) mkdirSync(join(root, 'segmentation', name, sub), { recursive: true });
    }
    writeFileSync(join(root, 'segmentation', 'cells', 'images', '0.png'), new Uint8Array(100));
    writeFileSync(join(root, 'segmentation', 'cells', 'masks', '0.png'), new Uint8Array(30));
    writeFileSync(join(root, 'segmentation', 'roads', 'val', 'masks', '1.png'), new Uint8Array(7));
    writeFileSync(join(root, 'segmentation', 'stray-file.png'), new Uint8Array(5));
    const seg = listDatasets(root).filter((d) => d.kind === 'segmentation');
    expect(seg).toEqual([
      { name: 'cells', kind: 'segmentation', status: 'available', path: join(root, 'segmentation', 'cells'), sizeBytes: 130 },
      { name: 'roads', kind: 'segmentation', status: 'available', path: join(root, 'segmentation', 'roads'), sizeBytes: 7 },
    ]);
  });
});
