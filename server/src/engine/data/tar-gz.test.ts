import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cifar-fixtures.test-helper';
import { DataFileError } from './datasets-error';
import { extractTarGz } from './tar-gz';

const root = tempDir('orthoscope-targz-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('extractTarGz', () => {
  it('tar czf of 2 files, select one: its body only, progress ends at the archive size', async () => {
    mkdirSync(join(root, 'pack'));
    const big = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * i) % 253));
    writeFileSync(join(root, 'pack', 'big.bin'), big);
    writeFileSync(join(root, 'pack', 'skip.txt'), 'skipped');
    const archive = join(root, 'pack.tar.gz');
    execFileSync('tar', ['czf', archive, '-C', root, 'pack']);
    const seen: number[] = [];
    const files = await extractTarGz(archive, { select: (e) => e.name === 'pack/big.bin', onProgress: (loaded, total) => {
      expect(total).toBe(statSync(archive).size);
      seen.push(loaded);
    } });
    expect([...files.keys()]).toEqual(['pack/big.bin']);
    expect(Buffer.from(files.get('pack/big.bin')!).equals(big)).toBe(true);
    expect(seen.at(-1)).toBe(statSync(archive).size);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('gzip of something that is not tar: DataFileError "corrupt archive" naming the file', async () => {
    const path = join(root, 'not-tar.tar.gz');
    writeFileSync(join(root, 'plain.txt'), 'x'.repeat(2000));
    execFileSync('sh', ['-c', `gzip -c '${join(root, 'plain.txt')}' > '${path}'`]);
    const err = await extractTarGz(path, { select: () => true }).catch((e) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect(err.file).toBe(path);
    expect(err.problem).toMatch(/^corrupt archive: .*not a tar archive or corrupt$/);
  });
});
