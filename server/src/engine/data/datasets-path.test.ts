import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidFieldError } from '@orthoscope/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, tempDir } from './cifar-fixtures.test-helper';
import { checkDatasetName, resolveDatasetPath, type DatasetKind } from './datasets-path';

const root = tempDir('orthoscope-paths-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function rejection(fn: () => unknown): InvalidFieldError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidFieldError);
    return err as InvalidFieldError;
  }
  throw new Error('expected an InvalidFieldError');
}

const ESCAPES = ['..', '.', '../etc/passwd', '../../secret', 'text/../../x', '/etc/passwd', 'a/b', 'a\\b', '..\\..\\x', 'C:', 'nietz\u0000sche', 'tab\tname', ''];

describe('resolveDatasetPath', () => {
  it('char_rnn nietzsche → <root>/text/nietzsche.txt; segmentation → <root>/segmentation/<name>', () => {
    expect(resolveDatasetPath(SHARED_DATA, 'char_rnn', 'nietzsche')).toBe(join(SHARED_DATA, 'text', 'nietzsche.txt'));
    expect(resolveDatasetPath(SHARED_DATA, 'segmentation', 'isbi2012-membrane')).toBe(join(SHARED_DATA, 'segmentation', 'isbi2012-membrane'));
    expect(resolveDatasetPath('relative/root', 'char_rnn', 'a.b-c_d')).toBe(resolve('relative/root', 'text', 'a.b-c_d.txt'));
  });

  it('cnn: present folder, present archive, else the archive path a download writes', () => {
    expect(resolveDatasetPath(SHARED_DATA, 'cnn', 'cifar10')).toBe(join(SHARED_DATA, 'cifar-10-batches-bin'));
    expect(resolveDatasetPath(root, 'cnn', 'cifar100')).toBe(join(root, 'cifar-100-binary.tar.gz'));
    writeFileSync(join(root, 'cifar-10-binary.tar.gz'), 'x');
    expect(resolveDatasetPath(root, 'cnn', 'cifar10')).toBe(join(root, 'cifar-10-binary.tar.gz'));
    mkdirSync(join(root, 'cifar-10-batches-bin'));
    expect(resolveDatasetPath(root, 'cnn', 'cifar10')).toBe(join(root, 'cifar-10-batches-bin'));
  });

  it('cnn with a name other than cifar10/cifar100 (mnist, constructor, __proto__): rejected', () => {
    for (const name of ['mnist', 'constructor', '__proto__', 'nietzsche']) {
      const err = rejection(() => resolveDatasetPath(root, 'cnn', name));
      expect(err.field).toBe('dataset');
      expect(err.value).toBe(name);
      expect(err.message).toContain('cifar10 or cifar100');
    }
  });

  for (const kind of ['char_rnn', 'segmentation', 'cnn'] as DatasetKind[]) {
    it(`kind=${kind}: every traversal attempt (.., /, \\, absolute, NUL, control) rejected naming dataset and value`, () => {
      for (const name of ESCAPES) {
        const err = rejection(() => resolveDatasetPath(root, kind, name));
        expect(err.field).toBe('dataset');
        expect(err.value).toBe(name);
        expect(err.message).toContain(`Invalid dataset: ${JSON.stringify(name)}`);
      }
    });
  }

  it('unknown kind "images": rejected naming the kind field', () => {
    const err = rejection(() => resolveDatasetPath(root, 'images' as DatasetKind, 'x'));
    expect(err.field).toBe('kind');
    expect(err.value).toBe('images');
  });
});

describe('checkDatasetName', () => {
  it('plain names pass unchanged, including dots inside and unicode letters', () => {
    for (const name of ['cifar10', 'my.corpus', '..hidden-ish', 'a..b', 'Zürich 2024']) expect(checkDatasetName(name)).toBe(name);
  });

  it('non-strings, 201 characters and separators are rejected with the reason', () => {
    expect(rejection(() => checkDatasetName(42)).message).toMatch(/Invalid dataset: 42 — must be a non-empty dataset name/);
    expect(rejection(() => checkDatasetName('x'.repeat(201))).message).toMatch(/at most 200 characters/);
    expect(rejection(() => checkDatasetName('../x')).message).toMatch(/without path separators/);
    expect(rejection(() => checkDatasetName('..')).message).toMatch(/not a relative path/);
    expect(rejection(() => checkDatasetName('a\u0000b')).message).toMatch(/NUL/);
  });
});
