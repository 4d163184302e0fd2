import { SEGMENTATION_DEFAULTS } from '@orthoscope/shared';
import { nonNumericOf } from './launch-input';

/** The segmentation launch form's values, as typed (strings), prefilled with SEGMENTATION_DEFAULTS. */
export interface SegmentationFormValues {
  name: string;
  dataset: string;
  /** One run: its mode; a sweep runs baseline, penalty at each λ and (optionally) householder. */
  mode: 'BASELINE' | 'PENALTY' | 'HOUSEHOLDER';
  orthoWeight: string;
  /** Sweep only: comma-separated λ values (0 = baseline). */
  orthoWeights: string;
  includeHouseholder: boolean;
  fit: 'CROP' | 'RESIZE';
  imageSize: string;
  numClasses: string;
  ignoreLabel: string;
  baseChannels: string;
  depth: string;
  epochs: string;
  batchSize: string;
  learningRate: string;
  evalEvery: string;
  seed: string;
  maxIterations: string;
  evalLimit: string;
  previewCount: string;
  tags: string;
  autoStop: boolean;
}

const optional = (v: number | null) => (v === null ? '' : String(v));

/** SEGMENTATION_DEFAULTS in form shape; the sweep compares λ = 0 and 1 with Householder. */
export const SEGMENTATION_FORM_DEFAULTS: SegmentationFormValues = {
  name: '',
  dataset: SEGMENTATION_DEFAULTS.dataset,
  mode: SEGMENTATION_DEFAULTS.mode.toUpperCase() as SegmentationFormValues['mode'],
  orthoWeight: '1',
  orthoWeights: '0, 1',
  includeHouseholder: true,
  fit: SEGMENTATION_DEFAULTS.fit.toUpperCase() as SegmentationFormValues['fit'],
  imageSize: String(SEGMENTATION_DEFAULTS.imageSize),
  numClasses: optional(SEGMENTATION_DEFAULTS.numClasses),
  ignoreLabel: optional(SEGMENTATION_DEFAULTS.ignoreLabel),
  baseChannels: String(SEGMENTATION_DEFAULTS.baseChannels),
  depth: String(SEGMENTATION_DEFAULTS.depth),
  epochs: String(SEGMENTATION_DEFAULTS.epochs),
  batchSize: String(SEGMENTATION_DEFAULTS.batchSize),
  learningRate: String(SEGMENTATION_DEFAULTS.learningRate),
  evalEvery: String(SEGMENTATION_DEFAULTS.evalEvery),
  seed: String(SEGMENTATION_DEFAULTS.seed),
  maxIterations: optional(SEGMENTATION_DEFAULTS.maxIterations),
  evalLimit: optional(SEGMENTATION_DEFAULTS.evalLimit),
  previewCount: String(SEGMENTATION_DEFAULTS.previewCount),
  tags: '',
  autoStop: false,
};

/** Fields typed as numbers. */
export const SEGMENTATION_NUMERIC_FIELDS = [
  'orthoWeight', 'imageSize', 'numClasses', 'ignoreLabel', 'baseChannels', 'depth', 'epochs', 'batchSize', 'learningRate',
  'evalEvery', 'seed', 'maxIterations', 'evalLimit', 'previewCount',
] as const;

/**
 * Form values → a SEGMENTATION RunInput (for a sweep: its base, without mode, orthoWeight and name).
 * Empty optional fields are left out so the server fills its defaults; orthoWeight only for PENALTY.
 */
export function toSegmentationRunInput(v: SegmentationFormValues, forSweep = false): Record<string, unknown> {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const input: Record<string, unknown> = {
    name: forSweep ? undefined : v.name.trim() || undefined,
    kind: 'SEGMENTATION',
    dataset: v.dataset,
    fit: v.fit,
    ...Object.fromEntries(SEGMENTATION_NUMERIC_FIELDS.map((f) => [f, num(v[f])])),
    mode: forSweep ? undefined : v.mode,
    tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean),
    alertRules: { autoStop: v.autoStop },
  };
  if (forSweep || v.mode !== 'PENALTY') delete input.orthoWeight;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** Fields whose text is not a number at all (the server checks ranges): field → message. */
export function nonNumericSegmentationFields(v: SegmentationFormValues): Record<string, string> {
  return nonNumericOf(v, SEGMENTATION_NUMERIC_FIELDS);
}
