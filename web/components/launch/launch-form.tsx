'use client';

import type { FormEvent } from 'react';
import {
  EXPERIMENT_1,
  EXPERIMENT_2,
  LAUNCH_DEFAULTS,
  nonNumericFields,
  toRunInput,
  type LaunchFormValues,
} from '@/lib/launch-input';
import { useLaunchForm, type LaunchTarget } from '@/hooks/use-launch-form';
import { oneClickSweepName } from '@/lib/sweep-label';
import { DatasetSelect } from './dataset-select';
import { FormField } from './form-field';

/** Run or sweep form; server validation errors (extensions.field) appear beside their field. */
export function LaunchForm() {
  const { values, set, target, setTarget, errors, formError, busy, launch, input, reset } = useLaunchForm<LaunchFormValues>(LAUNCH_DEFAULTS, 'run');

  const submit = (kind: LaunchTarget, sweep?: { orthoWeights: readonly number[]; includeHouseholder: boolean; name?: string }) => {
    const base = toRunInput(values);
    const { mode: _mode, orthoWeight: _w, name: _n, ...sweepBase } = base;
    return launch(kind, {
      localErrors: nonNumericFields(values),
      runInput: () => base,
      orthoWeights: sweep?.orthoWeights,
      sweepInput: (orthoWeights) => ({
        name: sweep?.name ?? (values.name.trim() || undefined),
        base: sweepBase,
        orthoWeights,
        includeHouseholder: sweep?.includeHouseholder ?? values.includeHouseholder,
      }),
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(target);
  };

  return (
    <form onSubmit={onSubmit} data-testid="launch-form">
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>The study’s experiments</h2>
        <div className="toolbar">
          <button type="button" className="primary" disabled={busy} onClick={() => void submit('sweep', { ...EXPERIMENT_2, name: oneClickSweepName('experiment #2', new Date()) })}>
            Start experiment #2: λ = 0, 0.1, 1, 10, 100 + Householder
          </button>
          <button type="button" disabled={busy} onClick={() => void submit('sweep', { ...EXPERIMENT_1, name: oneClickSweepName('experiment #1', new Date()) })}>
            Start experiment #1: baseline vs Householder
          </button>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          They use the training settings below (SPEC §3 defaults: 50 epochs of batch 128 — set “max iterations” for a quick look).
        </p>
      </div>
      <div className="panel">
        <div className="toolbar">
          <label>
            <input type="radio" name="target" checked={target === 'run'} onChange={() => setTarget('run')} /> One run
          </label>
          <label>
            <input type="radio" name="target" checked={target === 'sweep'} onChange={() => setTarget('sweep')} /> λ sweep
          </label>
        </div>
        <div className="form-grid">
          {input('name', 'Name', 'optional')}
          <FormField label="Dataset" name="dataset" error={errors.dataset}>
            <DatasetSelect value={values.dataset} onChange={(d) => set('dataset', d)} invalid={!!errors.dataset} />
          </FormField>
          {target === 'run' ? (
            <FormField label="Mode" name="mode" error={errors.mode}>
              <select name="mode" value={values.mode} onChange={(e) => set('mode', e.target.value as LaunchFormValues['mode'])}>
                <option value="BASELINE">baseline (free convs)</option>
                <option value="PENALTY">penalty (λ · orthoLoss)</option>
                <option value="HOUSEHOLDER">Householder (exactly orthogonal)</option>
              </select>
            </FormField>
          ) : (
            <FormField label="λ values" name="orthoWeights" error={errors.orthoWeights} hint="comma-separated; one run each">
              <input name="orthoWeights" value={values.orthoWeights} onChange={(e) => set('orthoWeights', e.target.value)} aria-invalid={!!errors.orthoWeights} />
            </FormField>
          )}
          {target === 'run' ? (values.mode === 'PENALTY' ? input('orthoWeight', 'λ (orthoWeight)') : null) : (
            <FormField label="Householder run" name="includeHouseholder" error={errors.includeHouseholder}>
              <input type="checkbox" checked={values.includeHouseholder} onChange={(e) => set('includeHouseholder', e.target.checked)} />
            </FormField>
          )}
          <FormField label="Activation" name="activation" error={errors.activation}>
            <select name="activation" value={values.activation} onChange={(e) => set('activation', e.target.value as LaunchFormValues['activation'])}>
              <option value="RELU">ReLU</option>
              <option value="SELU">SELU</option>
            </select>
          </FormField>
          {input('epochs', 'Epochs')}
          {input('batchSize', 'Batch size')}
          {input('learningRate', 'Learning rate (Adam)')}
          {input('evalEvery', 'Evaluate every (iterations)')}
          {input('seed', 'Seed')}
          {input('maxIterations', 'Max iterations', 'empty: all epochs')}
          {input('evalLimit', 'Eval limit (test images)', 'empty: whole test split')}
          {input('tags', 'Tags', 'comma-separated')}
          <FormField label="Stop automatically when it diverges" name="autoStop" error={errors.autoStop}>
            <input type="checkbox" checked={values.autoStop} onChange={(e) => set('autoStop', e.target.checked)} />
          </FormField>
        </div>
        {formError ? (
          <div className="banner" role="alert" style={{ marginTop: 12 }}>
            {formError}
          </div>
        ) : null}
        <div className="toolbar" style={{ marginTop: 14, marginBottom: 0 }}>
          <button type="submit" className="primary" disabled={busy}>
            {target === 'run' ? 'Start run' : 'Start sweep'}
          </button>
          <button type="button" onClick={reset}>
            Reset to SPEC defaults
          </button>
        </div>
      </div>
    </form>
  );
}
