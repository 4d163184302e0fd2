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

/** One colour per run, distinct for the first ten (Tableau 10), then repeating with a dash. */
export const RUN_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length];
}
