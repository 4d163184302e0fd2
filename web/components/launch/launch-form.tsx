'use client';

import { START_RUN_MUTATION, START_SWEEP_MUTATION, type ApiRun } from '@orthoscope/shared';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import {
  EXPERIMENT_1,
  EXPERIMENT_2,
  LAUNCH_DEFAULTS,
  nonNumericFields,
  parseOrthoWeights,
  toRunInput,
  type LaunchFormValues,
} from '@/lib/launch-input';
import { clearFieldError, formErrorsOf } from '@/lib/form-errors';
import { oneClickSweepName } from '@/lib/sweep-label';
import { DatasetSelect } from './dataset-select';
import { FormField } from './form-field';

type Target = 'run' | 'sweep';

/** Run or sweep form; server validation errors (extensions.field) appear beside their field. */
export function LaunchForm() {
  const router = useRouter();
  const [values, setValues] = useState<LaunchFormValues>(LAUNCH_DEFAULTS);
  const [target, setTarget] = useState<Target>('run');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startRun] = useMutation<{ startRun: ApiRun }>(START_RUN_MUTATION);
  const [, startSweep] = useMutation<{ startSweep: { id: string; runs: ApiRun[] } }>(START_SWEEP_MUTATION);

  // A changed value's old server error no longer applies.
  const set = <K extends keyof LaunchFormValues>(key: K, value: LaunchFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => clearFieldError(e, key));
  };

  const showErrors = (error: CombinedError) => {
    const { byField, other } = formErrorsOf(error);
    setErrors(byField);
    setFormError(other);
  };

  const submit = async (kind: Target, sweep?: { orthoWeights: readonly number[]; includeHouseholder: boolean; name?: string }) => {
    const local = nonNumericFields(values);
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      const base = toRunInput(values);
      if (kind === 'run') {
        const result = await startRun({ input: base });
        if (result.error) return showErrors(result.error);
        router.push(`/runs/${result.data!.startRun.id}`);
      } else {
        let orthoWeights: readonly number[];
        try {
          orthoWeights = sweep?.orthoWeights ?? parseOrthoWeights(values.orthoWeights);
        } catch (e) {
          setErrors({ orthoWeights: (e as Error).message });
          return;
        }
        const { mode: _mode, orthoWeight: _w, name: _n, ...sweepBase } = base;
        const input = {
          name: sweep?.name ?? (values.name.trim() || undefined),
          base: sweepBase,
          orthoWeights,
          includeHouseholder: sweep?.includeHouseholder ?? values.includeHouseholder,
        };
        const result = await startSweep({ input });
        if (result.error) return showErrors(result.error);
        router.push(`/compare?runs=${result.data!.startSweep.runs.map((r) => r.id).join(',')}`);
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(target);
  };
  const input = (key: keyof LaunchFormValues, label: string, hint?: string) => (
    <FormField label={label} name={key} error={errors[key]} hint={hint}>
      <input name={key} value={String(values[key])} onChange={(e) => set(key, e.target.value as never)} aria-invalid={!!errors[key]} />
    </FormField>
  );

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
          <button type="button" onClick={() => { setValues(LAUNCH_DEFAULTS); setErrors({}); setFormError(null); }}>
            Reset to SPEC defaults
          </button>
        </div>
      </div>
    </form>
  );
}
