import { isAbsolute, resolve } from 'node:path';
import {
  CHAR_RNN_DEFAULTS, CNN_DEFAULTS, InvalidFieldError, resolveCharRnnConfig, resolveCnnConfig, resolveSegmentationConfig, SEGMENTATION_DEFAULTS,
  type CharRnnConfig, type CnnConfig, type SegmentationConfig,
} from '@orthoscope/shared';
import { BACKEND_PREFERENCES, type BackendPreference } from '../engine/backend';

/** What `npm run train` runs: a validated config and where/how to run it. */
export interface TrainCliOptions {
  config: CnnConfig | CharRnnConfig | SegmentationConfig;
  /** For a char-RNN on the embedded corpus (brown) it may be empty. */
  dataDir: string;
  backend: BackendPreference;
  download: boolean;
  json: boolean;
  checkpointDir: string | null;
  resume: string | null;
  /** CNN only: threads per step, data-parallel (`--workers`, default 1). */
  workers: number;
}

export const TRAIN_USAGE = `usage: npm run train -- --dataset cifar10|cifar100 --data-dir DIR [--mode baseline|penalty|householder]
         [--ortho-weight λ] [--epochs N] [--max-iterations N] [--batch-size N] [--learning-rate LR]
         [--eval-every N] [--eval-limit N] [--seed N] [--activation relu|selu] [--scale element|channel|none]
         [--backend ${BACKEND_PREFERENCES.join('|')}] [--checkpoint-dir DIR] [--resume DIR] [--download] [--json]
         [--workers N (threads per step, data-parallel; default 1)]
       npm run train -- --kind char_rnn --dataset brown|<text/NAME.txt> [--data-dir DIR] [--cell lstm|gru|rnn] [--hidden-size N]
         [--layers N] [--embedding-size N] [--steps N] [--learning-rate-decay F] [--validation-fraction F] [--ortho-weight λ]
         [--epochs N] [--max-iterations N] [--batch-size N] [--learning-rate LR] [--eval-every N] [--eval-limit N] [--seed N] …
       npm run train -- --kind segmentation --dataset NAME (segmentation/NAME/ in DIR) --data-dir DIR [--mode …] [--ortho-weight λ]
         [--activation …] [--scale …] [--image-size N] [--fit crop|resize] [--num-classes N] [--ignore-label N]
         [--base-channels N] [--depth N] [--validation-fraction F] [--preview-count N] [--epochs N] [--max-iterations N] …
Defaults are SPEC §3's (batch 128, 50 epochs, Adam 3e-4, evaluation every 100 iterations, seed 99), for char_rnn SPEC §4's
(2×512 LSTM, embedding 48, steps 8, batch 128, Adam 1e-3 × 0.97 per epoch, 20 epochs), for segmentation SPEC §5's
(isbi2012-membrane, 128 px crops, base 16 channels, depth 2, batch 8, Adam 1e-3, 50 epochs, evaluation every 50, 3 previews).
Every checkpoint keeps the weights, only the newest also the Adam state: --resume takes the newest DIR/iter-N.
--data-dir defaults to $ORTHOSCOPE_DATA; relative paths are taken from where npm was started.`;

/** A bad command line: the CLI prints it with the usage and exits with code 2. */
export class TrainArgsError extends Error {}

type AnyConfig = CnnConfig & Omit<CharRnnConfig, 'kind'> & Omit<SegmentationConfig, 'kind'>;
type Kind = TrainCliOptions['config']['kind'];

/** Config field ← flag, for numbers. */
const NUMBER_FLAGS: Record<string, keyof AnyConfig> = {
  '--hidden-size': 'hiddenSize',
  '--embedding-size': 'embeddingSize',
  '--layers': 'layers',
  '--steps': 'steps',
  '--learning-rate-decay': 'learningRateDecay',
  '--validation-fraction': 'validationFraction',
  '--ortho-weight': 'orthoWeight',
  '--epochs': 'epochs',
  '--max-iterations': 'maxIterations',
  '--batch-size': 'batchSize',
  '--learning-rate': 'learningRate',
  '--eval-every': 'evalEvery',
  '--eval-limit': 'evalLimit',
  '--seed': 'seed',
  '--image-size': 'imageSize',
  '--num-classes': 'numClasses',
  '--ignore-label': 'ignoreLabel',
  '--base-channels': 'baseChannels',
  '--depth': 'depth',
  '--preview-count': 'previewCount',
};
/** Config field ← flag, for strings. */
const STRING_FLAGS: Record<string, keyof AnyConfig> = {
  '--dataset': 'dataset',
  '--cell': 'cell',
  '--mode': 'mode',
  '--activation': 'activation',
  '--scale': 'householderScale',
  '--fit': 'fit',
};

/**
 * Parses `npm run train` flags (`--flag value` or `--flag=value`). `env` supplies
 * ORTHOSCOPE_DATA (default data dir) and INIT_CWD (npm's starting folder, against which relative
 * paths are resolved; npm runs the script inside server/). Throws TrainArgsError naming the flag
 * and the value.
 */
export function parseTrainArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): TrainCliOptions {
  const base = env.INIT_CWD ?? process.cwd();
  const path = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const input: Partial<Record<keyof AnyConfig, unknown>> = {};
  const flagOf: Partial<Record<keyof AnyConfig, string>> = {};
  let kind: Kind = 'cnn';
  let dataDir = env.ORTHOSCOPE_DATA ?? null;
  let backend: BackendPreference = 'auto';
  let download = false;
  let json = false;
  let checkpointDir: string | null = null;
  let resume: string | null = null;
  let workers = 1;

  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? splitOnce(argv[i]) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new TrainArgsError(`${flag} needs a value`);
      return v;
    };
    if (flag in NUMBER_FLAGS) {
      const raw = value();
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new TrainArgsError(`${flag} ${JSON.stringify(raw)}: not a number`);
      input[NUMBER_FLAGS[flag]] = n;
      flagOf[NUMBER_FLAGS[flag]] = flag;
    } else if (flag in STRING_FLAGS) {
      input[STRING_FLAGS[flag]] = value();
      flagOf[STRING_FLAGS[flag]] = flag;
    } else if (flag === '--kind') {
      const v = value();
      if (!(v in FIELDS_OF)) throw new TrainArgsError(`--kind ${JSON.stringify(v)}: must be cnn, char_rnn or segmentation`);
      kind = v as Kind;
    } else if (flag === '--data-dir') dataDir = value();
    else if (flag === '--checkpoint-dir') checkpointDir = path(value());
    else if (flag === '--resume') resume = path(value());
    else if (flag === '--backend') {
      const v = value();
      if (!BACKEND_PREFERENCES.includes(v as BackendPreference)) {
        throw new TrainArgsError(`--backend ${JSON.stringify(v)}: must be one of ${BACKEND_PREFERENCES.join(', ')}`);
      }
      backend = v as BackendPreference;
    } else if (flag === '--workers') {
      const raw = value();
      workers = Number(raw);
      if (!Number.isInteger(workers) || workers < 1) throw new TrainArgsError(`--workers ${JSON.stringify(raw)}: must be an integer ≥ 1`);
    } else if (flag === '--download' && inline === undefined) download = true;
    else if (flag === '--json' && inline === undefined) json = true;
    else throw new TrainArgsError(`unknown flag ${JSON.stringify(argv[i])}`);
  }
  // The char-RNN's embedded corpus (brown) needs no data root.
  if (dataDir === null && kind !== 'char_rnn') throw new TrainArgsError('--data-dir is required (or set ORTHOSCOPE_DATA)');
  // One flag for the held-out share; the segmentation config calls it valFraction.
  if (kind === 'segmentation' && input.validationFraction !== undefined) {
    input.valFraction = input.validationFraction;
    flagOf.valFraction = flagOf.validationFraction;
    delete input.validationFraction;
  }
  if (workers > 1 && kind !== 'cnn') throw new TrainArgsError(`--workers is an option of --kind cnn only, not ${kind}`);
  const misplaced = (Object.keys(input) as (keyof AnyConfig)[]).find((field) => !FIELDS_OF[kind].has(field));
  if (misplaced) throw new TrainArgsError(`${flagOf[misplaced]} is not an option of --kind ${kind}`);
  // A penalty run without λ would silently train as the baseline; the study's smallest λ is 0.1.
  if (input.mode === 'penalty' && input.orthoWeight === undefined) {
    throw new TrainArgsError('--mode penalty needs --ortho-weight λ (the study used 0.1, 1, 10, 100)');
  }
  let config: TrainCliOptions['config'];
  try {
    config = kind === 'char_rnn' ? resolveCharRnnConfig(input as Partial<CharRnnConfig>)
      : kind === 'segmentation' ? resolveSegmentationConfig(input as Partial<SegmentationConfig>)
      : resolveCnnConfig(input as Partial<CnnConfig>);
  } catch (error) {
    if (!(error instanceof InvalidFieldError)) throw error;
    const flag = flagOf[error.field as keyof AnyConfig] ?? error.field;
    throw new TrainArgsError(`${flag} ${JSON.stringify(error.value)}: ${error.problem}`);
  }
  return { config, dataDir: dataDir === null ? '' : path(dataDir), backend, download, json, checkpointDir, resume, workers };
}

/** The config fields each kind takes (its defaults' keys); a flag for any other field is refused by name. */
const FIELDS_OF: Record<Kind, ReadonlySet<string>> = {
  cnn: new Set(Object.keys(CNN_DEFAULTS)),
  char_rnn: new Set(Object.keys(CHAR_RNN_DEFAULTS)),
  segmentation: new Set(Object.keys(SEGMENTATION_DEFAULTS)),
};

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
