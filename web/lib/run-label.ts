import type { ApiRun } from '@orthoscope/shared';

/**
 * The study's name for a run's variant: "baseline", "λ=0.1" (penalty) or "Householder",
 * read from the resolved config (lower-case modes, as the engine spells them).
 */
export function variantLabel(config: Record<string, unknown> | null | undefined): string {
  // A char-RNN has no conv mode: its variant is the cell and the orthonormality weight (SPEC §4).
  if (config?.kind === 'char_rnn') return `${String(config.cell ?? 'lstm')} λ=${Number(config.orthoWeight ?? 0)}`;
  const mode = String(config?.mode ?? '').toLowerCase();
  if (mode === 'householder') return 'Householder';
  const weight = Number(config?.orthoWeight ?? 0);
  if (mode === 'baseline' || (mode === 'penalty' && weight === 0)) return 'baseline λ=0';
  if (mode === 'penalty') return `λ=${weight}`;
  return mode || '?';
}

/** Legend text of a run: its variant, its dataset and a short id so equal variants stay apart. */
export function runLegend(run: Pick<ApiRun, 'id' | 'name' | 'config'>): string {
  const dataset = run.config?.dataset ? ` · ${String(run.config.dataset)}` : '';
  return `${variantLabel(run.config)}${dataset} · ${run.name || run.id.slice(0, 6)}`;
}

/**
 * Legend texts for runs shown together, as short as stays unambiguous: the variant (mode and λ),
 * plus the data set when the runs use several, plus the run's name when a variant repeats.
 */
export function legendLabels(runs: readonly Pick<ApiRun, 'id' | 'name' | 'config'>[]): string[] {
  const variants = runs.map((r) => variantLabel(r.config));
  const datasets = new Set(runs.map((r) => String(r.config?.dataset ?? '')));
  return runs.map((r, i) => {
    let label = variants[i];
    if (datasets.size > 1) label += ` · ${String(r.config?.dataset ?? '?')}`;
    if (variants.filter((v) => v === variants[i]).length > 1) label += ` · ${r.name || r.id.slice(0, 6)}`;
    return label;
  });
}

/** One colour per run, distinct for the first ten (Tableau 10); runs past ten repeat them dashed. */
export const RUN_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length];
}

/** Whether the run at `index` is drawn dashed (its colour is already used by an earlier run). */
export function runDashed(index: number): boolean {
  return index >= RUN_COLOURS.length;
}

/**
 * The run an alert is about, for its toast: the run's name when known ("e2e diverge at iteration
 * 12"), else its short id ("run f96206c2 at iteration 12") until the name has been looked up.
 */
export function alertRunLabel(alert: { runId: string; iteration: number }, name: string | null | undefined): string {
  return `${name ? name : `run ${alert.runId.slice(0, 8)}`} at iteration ${alert.iteration}`;
}
