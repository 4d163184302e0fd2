import { InvalidFieldError, requireInteger, requireNumber, type TrainEvent } from '@orthoscope/shared';
import type { AlertRuleName, AlertRules } from '../storage/records';

/**
 * SPEC §6 defaults: every rule on, no automatic stop.
 * - nonFinite: a metric of a training step or an evaluation is NaN or ±∞.
 * - lossRise: the mean training loss between two evaluations stays above lossRiseFactor (3) × its
 *   best such mean for lossRiseEvaluations (3) evaluations in a row.
 * - chanceFall: validation accuracy falls back to at most chance + margin/2 after having reached
 *   chance + margin, where margin = max(chanceMargin (0.05), 3 standard errors of a guesser's
 *   accuracy on the evaluated examples) so that small evaluation sets do not raise false alarms;
 *   chance is 1/classes (rule off when unknown).
 */
export const DEFAULT_ALERT_RULES: AlertRules = {
  autoStop: false,
  nonFinite: true,
  lossRise: true,
  lossRiseFactor: 3,
  lossRiseEvaluations: 3,
  chanceFall: true,
  chanceMargin: 0.05,
};

/** Fills defaults into per-run rules and validates them (InvalidFieldError names `alertRules.<field>`). */
export function resolveAlertRules(input: Partial<AlertRules> | null | undefined): AlertRules {
  const defined = Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined && v !== null));
  const rules: AlertRules = { ...DEFAULT_ALERT_RULES, ...defined };
  const factor = rules.lossRiseFactor;
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 1) {
    throw new InvalidFieldError('alertRules.lossRiseFactor', factor, 'must be a finite number greater than 1');
  }
  requireInteger('alertRules.lossRiseEvaluations', rules.lossRiseEvaluations, 1, 1000);
  requireNumber('alertRules.chanceMargin', rules.chanceMargin, 0, 1, true);
  return rules;
}

/** A rule broken by the latest event: the start of an episode. */
export interface RuleBreach {
  rule: AlertRuleName;
  message: string;
  iteration: number;
  value: number;
  threshold: number | null;
}

/** What the monitor needs to know about the run besides its rules. */
export interface DivergenceContext {
  /** Accuracy of guessing (1/classes); null turns the chanceFall rule off. */
  chance: number | null;
  /** Training metric watched by lossRise (default `crossEntropy`). */
  lossName?: string;
  /** Examples per evaluation (e.g. evalLimit); default 10,000. */
  evalSize?: number | null;
}

/**
 * Watches one run's events and reports each rule once per episode: a rule that keeps being broken
 * is reported again only after it has held for one observation in between.
 */
export class DivergenceMonitor {
  private readonly active = new Set<AlertRuleName>();
  private windowSum = 0;
  private windowCount = 0;
  private bestWindow = Infinity;
  private risingEvaluations = 0;
  private roseAboveChance = false;

  constructor(private readonly rules: AlertRules, private readonly context: DivergenceContext) {}

  /** Feeds one event; returns the breaches that start a new episode (usually none). */
  observe(event: TrainEvent): RuleBreach[] {
    if (event.type !== 'train' && event.type !== 'eval') return [];
    const found: RuleBreach[] = [];
    const nonFinite = this.rules.nonFinite ? this.checkNonFinite(event.type, event.iteration, event.metrics) : null;
    this.episode('NON_FINITE_LOSS', nonFinite, found);
    if (event.type === 'train') {
      const loss = event.metrics[this.context.lossName ?? 'crossEntropy'];
      if (Number.isFinite(loss)) { this.windowSum += loss; this.windowCount++; }
      return found;
    }
    if (this.rules.lossRise) this.episode('LOSS_RISE', this.checkLossRise(event.iteration), found, this.windowCount === 0);
    this.windowSum = 0;
    this.windowCount = 0;
    if (this.rules.chanceFall && this.context.chance !== null) {
      this.episode('ACCURACY_AT_CHANCE', this.checkChance(event.iteration, event.metrics.accuracy), found);
    }
    return found;
  }

  private episode(rule: AlertRuleName, breach: RuleBreach | null, found: RuleBreach[], keep = false): void {
    if (keep) return;
    if (!breach) { this.active.delete(rule); return; }
    if (!this.active.has(rule)) found.push(breach);
    this.active.add(rule);
  }

  private checkNonFinite(type: string, iteration: number, metrics: Record<string, number>): RuleBreach | null {
    const bad = Object.entries(metrics).find(([, v]) => typeof v === 'number' && !Number.isFinite(v));
    if (!bad) return null;
    const where = type === 'train' ? 'training' : 'evaluation';
    return { rule: 'NON_FINITE_LOSS', iteration, value: bad[1], threshold: null, message: `${where} ${bad[0]} is ${bad[1]} at iteration ${iteration}` };
  }

  private checkLossRise(iteration: number): RuleBreach | null {
    if (this.windowCount === 0) return null;
    const mean = this.windowSum / this.windowCount;
    const limit = this.rules.lossRiseFactor * this.bestWindow;
    this.risingEvaluations = mean > limit ? this.risingEvaluations + 1 : 0;
    this.bestWindow = Math.min(this.bestWindow, mean);
    if (this.risingEvaluations < this.rules.lossRiseEvaluations) return null;
    const name = this.context.lossName ?? 'crossEntropy';
    return {
      rule: 'LOSS_RISE', iteration, value: mean, threshold: limit,
      message: `training ${name} ${fmt(mean)} has stayed above ${this.rules.lossRiseFactor}× its best ${fmt(this.bestWindow)} for ${this.risingEvaluations} evaluations (iteration ${iteration})`,
    };
  }

  private checkChance(iteration: number, accuracy: number | undefined): RuleBreach | null {
    const chance = this.context.chance as number;
    if (typeof accuracy !== 'number' || !Number.isFinite(accuracy)) return null;
    const n = this.context.evalSize ?? 10_000;
    const margin = Math.max(this.rules.chanceMargin, 3 * Math.sqrt((chance * (1 - chance)) / n));
    if (accuracy >= chance + margin) this.roseAboveChance = true;
    const floor = chance + margin / 2;
    if (!this.roseAboveChance || accuracy > floor) return null;
    return {
      rule: 'ACCURACY_AT_CHANCE', iteration, value: accuracy, threshold: floor,
      message: `validation accuracy ${fmt(accuracy)} fell back to chance (${fmt(chance)}) at iteration ${iteration} after having risen above ${fmt(chance + margin)}`,
    };
  }
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const huge = Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3);
  return huge ? x.toExponential(3) : Number(x.toPrecision(4)).toString();
}
