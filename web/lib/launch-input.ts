import { CNN_DEFAULTS } from '@orthoscope/shared';

/** The launch form's values, as typed (strings), prefilled with SPEC §3 defaults. */
export interface LaunchFormValues {
  name: string;
  dataset: string;
  mode: 'BASELINE' | 'PENALTY' | 'HOUSEHOLDER';
  orthoWeight: string;
  activation: 'RELU' | 'SELU';
  epochs: string;
  batchSize: string;
  learningRate: string;
  evalEvery: string;
  seed: string;
  maxIterations: string;
  evalLimit: string;
  tags: string;
  autoStop: boolean;
  /** Sweep only: comma-separated λ values. */
  orthoWeights: string;
  includeHouseholder: boolean;
}

/** SPEC §3 defaults (from @orthoscope/shared) in form shape; the sweep defaults to experiment #2. */
export const LAUNCH_DEFAULTS: LaunchFormValues = {
  name: '',
  dataset: CNN_DEFAULTS.dataset,
  mode: CNN_DEFAULTS.mode.toUpperCase() as LaunchFormValues['mode'],
  orthoWeight: String(CNN_DEFAULTS.orthoWeight),
  activation: CNN_DEFAULTS.activation.toUpperCase() as LaunchFormValues['activation'],
  epochs: String(CNN_DEFAULTS.epochs),
  batchSize: String(CNN_DEFAULTS.batchSize),
  learningRate: String(CNN_DEFAULTS.learningRate),
  evalEvery: String(CNN_DEFAULTS.evalEvery),
  seed: String(CNN_DEFAULTS.seed),
  maxIterations: CNN_DEFAULTS.maxIterations === null ? '' : String(CNN_DEFAULTS.maxIterations),
  evalLimit: CNN_DEFAULTS.evalLimit === null ? '' : String(CNN_DEFAULTS.evalLimit),
  tags: '',
  autoStop: false,
  orthoWeights: '0, 0.1, 1, 10, 100',
  includeHouseholder: true,
};

/** The original study's experiment #2: λ = 0, 0.1, 1, 10, 100 plus Householder. */
export const EXPERIMENT_2 = { orthoWeights: [0, 0.1, 1, 10, 100], includeHouseholder: true } as const;
/** Experiment #1: baseline (λ = 0) against Householder. */
export const EXPERIMENT_1 = { orthoWeights: [0], includeHouseholder: true } as const;

/**
 * Form values → RunInput. Numbers are passed through as typed (Number('abc') is NaN, which GraphQL
 * refuses with a field-naming error) except empty optional fields, which are left out so the
 * server fills its defaults.
 */
export function toRunInput(v: LaunchFormValues): Record<string, unknown> {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const input: Record<string, unknown> = {
    name: v.name.trim() || undefined,
    kind: 'CNN',
    dataset: v.dataset,
    mode: v.mode,
    orthoWeight: v.mode === 'PENALTY' ? num(v.orthoWeight) : undefined,
    activation: v.activation,
    epochs: num(v.epochs),
    batchSize: num(v.batchSize),
    learningRate: num(v.learningRate),
    evalEvery: num(v.evalEvery),
    seed: num(v.seed),
    maxIterations: num(v.maxIterations),
    evalLimit: num(v.evalLimit),
    tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean),
    alertRules: { autoStop: v.autoStop },
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** Parses the sweep's λ list; throws naming the bad entry. */
export function parseOrthoWeights(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isFinite(n)) throw new Error(`orthoWeights: "${p}" is not a number`);
    return n;
  });
}

/** Which form field a server error names: `base.learningRate`, `input.orthoWeights[2]` → learningRate, orthoWeights. */
export function formFieldOf(field: unknown): string | null {
  if (typeof field !== 'string' || !field) return null;
  const last = field.split('.').pop()!;
  return last.replace(/\[\d+\]$/, '');
}

const NUMERIC_FIELDS = ['orthoWeight', 'epochs', 'batchSize', 'learningRate', 'evalEvery', 'seed', 'maxIterations', 'evalLimit'] as const;

/**
 * Fields whose text is not a number at all (JSON would turn NaN into null, i.e. "use the default",
 * so these are caught here); everything else — ranges, integers, combinations — the server checks.
 */
export function nonNumericFields(v: LaunchFormValues): Record<string, string> {
  return nonNumericOf(v, NUMERIC_FIELDS);
}

/** The `fields` of any form whose text is not a number at all: field → message. */
export function nonNumericOf<T extends object>(values: T, fields: readonly (keyof T & string)[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const text = String(values[f]).trim();
    if (text !== '' && !Number.isFinite(Number(text))) errors[f] = `${f}: "${text}" is not a number`;
  }
  return errors;
}

