import { CHAR_RNN_DEFAULTS, CHAR_RNN_ORTHO_WEIGHT_SWEEP } from '@orthoscope/shared';
import { nonNumericOf } from './launch-input';

/** The char-RNN launch form's values, as typed (strings), prefilled with SPEC §4 defaults. */
export interface CharRnnFormValues {
  name: string;
  dataset: string;
  cell: 'LSTM' | 'GRU' | 'RNN';
  embeddingSize: string;
  hiddenSize: string;
  layers: string;
  steps: string;
  batchSize: string;
  epochs: string;
  learningRate: string;
  learningRateDecay: string;
  /** One run: the orthonormality weight. */
  orthoWeight: string;
  /** Sweep: comma-separated weights, one run each. */
  orthoWeights: string;
  validationFraction: string;
  evalEvery: string;
  seed: string;
  maxIterations: string;
  evalLimit: string;
  tags: string;
  autoStop: boolean;
}

/** Experiment #3 of the study: the SPEC §4 weights 1e-3 … 1e-7 and 0. */
export const EXPERIMENT_3 = { orthoWeights: CHAR_RNN_ORTHO_WEIGHT_SWEEP } as const;

/** SPEC §4 defaults (from @orthoscope/shared) in form shape. */
export const CHAR_RNN_FORM_DEFAULTS: CharRnnFormValues = {
  name: '',
  dataset: CHAR_RNN_DEFAULTS.dataset,
  cell: CHAR_RNN_DEFAULTS.cell.toUpperCase() as CharRnnFormValues['cell'],
  embeddingSize: String(CHAR_RNN_DEFAULTS.embeddingSize),
  hiddenSize: String(CHAR_RNN_DEFAULTS.hiddenSize),
  layers: String(CHAR_RNN_DEFAULTS.layers),
  steps: String(CHAR_RNN_DEFAULTS.steps),
  batchSize: String(CHAR_RNN_DEFAULTS.batchSize),
  epochs: String(CHAR_RNN_DEFAULTS.epochs),
  learningRate: String(CHAR_RNN_DEFAULTS.learningRate),
  learningRateDecay: String(CHAR_RNN_DEFAULTS.learningRateDecay),
  orthoWeight: String(CHAR_RNN_DEFAULTS.orthoWeight),
  orthoWeights: CHAR_RNN_ORTHO_WEIGHT_SWEEP.join(', '),
  validationFraction: String(CHAR_RNN_DEFAULTS.validationFraction),
  evalEvery: String(CHAR_RNN_DEFAULTS.evalEvery),
  seed: String(CHAR_RNN_DEFAULTS.seed),
  maxIterations: '',
  evalLimit: '',
  tags: '',
  autoStop: false,
};

/** Fields typed as numbers. */
export const CHAR_RNN_NUMERIC_FIELDS = [
  'embeddingSize', 'hiddenSize', 'layers', 'steps', 'batchSize', 'epochs', 'learningRate', 'learningRateDecay',
  'orthoWeight', 'validationFraction', 'evalEvery', 'seed', 'maxIterations', 'evalLimit',
] as const;

/**
 * Form values → a CHAR_RNN RunInput (for a sweep: its base, without orthoWeight and name).
 * Empty optional fields are left out so the server fills SPEC §4 defaults.
 */
export function toCharRnnRunInput(v: CharRnnFormValues, forSweep = false): Record<string, unknown> {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const input: Record<string, unknown> = {
    name: forSweep ? undefined : v.name.trim() || undefined,
    kind: 'CHAR_RNN',
    dataset: v.dataset,
    cell: v.cell,
    ...Object.fromEntries(CHAR_RNN_NUMERIC_FIELDS.map((f) => [f, num(v[f])])),
    tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean),
    alertRules: { autoStop: v.autoStop },
  };
  if (forSweep) delete input.orthoWeight;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** Fields whose text is not a number at all (the server checks ranges): field → message. */
export function nonNumericCharRnnFields(v: CharRnnFormValues): Record<string, string> {
  return nonNumericOf(v, CHAR_RNN_NUMERIC_FIELDS);
}
