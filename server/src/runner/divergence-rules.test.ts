import { InvalidFieldError, type TrainEvent } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, DivergenceMonitor, resolveAlertRules } from './divergence-rules';

const train = (iteration: number, crossEntropy: number): TrainEvent => ({ type: 'train', iteration, epoch: 0, metrics: { crossEntropy, accuracy: 0.1 } });
const evaluation = (iteration: number, accuracy: number): TrainEvent => ({ type: 'eval', iteration, metrics: { crossEntropy: 2, accuracy } });

function feed(monitor: DivergenceMonitor, events: TrainEvent[]): string[] {
  return events.flatMap((e) => monitor.observe(e).map((b) => `${b.rule}@${b.iteration}`));
}

describe('resolveAlertRules', () => {
  it('absent input: SPEC §6 defaults', () => {
    expect(resolveAlertRules(undefined)).toEqual(DEFAULT_ALERT_RULES);
  });
  it('null fields keep defaults, given fields override', () => {
    expect(resolveAlertRules({ autoStop: true, lossRiseFactor: undefined })).toEqual({ ...DEFAULT_ALERT_RULES, autoStop: true });
  });
  it('lossRiseFactor=1: InvalidFieldError naming alertRules.lossRiseFactor', () => {
    expect(() => resolveAlertRules({ lossRiseFactor: 1 })).toThrow(InvalidFieldError);
    expect(() => resolveAlertRules({ lossRiseFactor: 1 })).toThrow(/alertRules\.lossRiseFactor: 1/);
  });
  it('lossRiseEvaluations=0 and chanceMargin=2 rejected', () => {
    expect(() => resolveAlertRules({ lossRiseEvaluations: 0 })).toThrow(/alertRules\.lossRiseEvaluations/);
    expect(() => resolveAlertRules({ chanceMargin: 2 })).toThrow(/alertRules\.chanceMargin/);
  });
});

describe('DivergenceMonitor', () => {
  it('NaN loss for 3 steps, finite, NaN again: two episodes, two alerts', () => {
    const m = new DivergenceMonitor(DEFAULT_ALERT_RULES, { chance: 0.1 });
    expect(feed(m, [train(1, 2), train(2, NaN), train(3, NaN), train(4, Infinity), train(5, 2), train(6, NaN)]))
      .toEqual(['NON_FINITE_LOSS@2', 'NON_FINITE_LOSS@6']);
  });
  it('nonFinite off: NaN raises nothing', () => {
    const m = new DivergenceMonitor({ ...DEFAULT_ALERT_RULES, nonFinite: false }, { chance: 0.1 });
    expect(feed(m, [train(1, NaN), train(2, NaN)])).toEqual([]);
  });
  it('window mean 2 then 7, 7, 7 (factor 3, 3 evaluations): one LOSS_RISE at the third high evaluation', () => {
    const m = new DivergenceMonitor(DEFAULT_ALERT_RULES, { chance: null });
    const events = [train(1, 2), evaluation(1, 0.1)];
    for (let i = 2; i <= 6; i++) events.push(train(i, 7), evaluation(i, 0.1));
    expect(feed(m, events)).toEqual(['LOSS_RISE@4']);
  });
  it('loss 7 only twice then back to 2: no alert', () => {
    const m = new DivergenceMonitor(DEFAULT_ALERT_RULES, { chance: null });
    expect(feed(m, [train(1, 2), evaluation(1, 0), train(2, 7), evaluation(2, 0), train(3, 7), evaluation(3, 0), train(4, 2), evaluation(4, 0), train(5, 7), evaluation(5, 0)])).toEqual([]);
  });
  it('accuracy 0.1 → 0.3 → 0.11 on 10 classes: ACCURACY_AT_CHANCE once; never risen: none', () => {
    const m = new DivergenceMonitor(DEFAULT_ALERT_RULES, { chance: 0.1 });
    expect(feed(m, [evaluation(1, 0.1), evaluation(2, 0.3), evaluation(3, 0.11), evaluation(4, 0.1)])).toEqual(['ACCURACY_AT_CHANCE@3']);
    const fresh = new DivergenceMonitor(DEFAULT_ALERT_RULES, { chance: 0.1 });
    expect(feed(fresh, [evaluation(1, 0.12), evaluation(2, 0.1)])).toEqual([]);
  });
  it('evalSize=32: 0.16 → 0.09 is noise (3σ ≈ 0.16), 0.4 → 0.09 is a fall', () => {
    const small = new DivergenceMonitor(DEFAULT_ALERT_RULES, { chance: 0.1, evalSize: 32 });
    expect(feed(small, [evaluation(1, 0.16), evaluation(2, 0.09)])).toEqual([]);
    expect(feed(small, [evaluation(3, 0.4), evaluation(4, 0.09)])).toEqual(['ACCURACY_AT_CHANCE@4']);
  });
});
