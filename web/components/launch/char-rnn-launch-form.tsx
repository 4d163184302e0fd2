'use client';

import { START_RUN_MUTATION, START_SWEEP_MUTATION, type ApiRun } from '@orthoscope/shared';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import {
  CHAR_RNN_FORM_DEFAULTS,
  EXPERIMENT_3,
  nonNumericCharRnnFields,
  toCharRnnRunInput,
  type CharRnnFormValues,
} from '@/lib/char-rnn-launch-input';
import { clearFieldError, formErrorsOf } from '@/lib/form-errors';
import { parseOrthoWeights } from '@/lib/launch-input';
import { DatasetSelect } from './dataset-select';
import { FormField } from './form-field';

type Target = 'run' | 'sweep';

/** Char-LSTM (experiment #3, SPEC §4): one run or an orthonormality-weight sweep; server errors beside their field. */
export function CharRnnLaunchForm() {
  const router = useRouter();
  const [values, setValues] = useState<CharRnnFormValues>(CHAR_RNN_FORM_DEFAULTS);
  const [target, setTarget] = useState<Target>('sweep');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startRun] = useMutation<{ startRun: ApiRun }>(START_RUN_MUTATION);
  const [, startSweep] = useMutation<{ startSweep: { id: string; runs: ApiRun[] } }>(START_SWEEP_MUTATION);
  // A changed value's old server error no longer applies.
  const set = <K extends keyof CharRnnFormValues>(key: K, value: CharRnnFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => clearFieldError(e, key));
  };

  const showErrors = (error: CombinedError) => {
    const { byField, other } = formErrorsOf(error);
    setErrors(byField);
    setFormError(other);
  };

  const submit = async (kind: Target, weights?: readonly number[]) => {
    const local = nonNumericCharRnnFields(values);
    if (Object.keys(local).length) return setErrors(local);
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      if (kind === 'run') {
        const result = await startRun({ input: toCharRnnRunInput(values) });
        if (result.error) return showErrors(result.error);
        router.push(`/runs/${result.data!.startRun.id}`);
        return;
      }
      let orthoWeights: readonly number[];
      try {
        orthoWeights = weights ?? parseOrthoWeights(values.orthoWeights);
      } catch (e) {
        return setErrors({ orthoWeights: (e as Error).message });
      }
      const name = values.name.trim() || (weights ? `experiment #3 ${values.dataset}` : undefined);
      const result = await startSweep({ input: { name, base: toCharRnnRunInput(values, true), orthoWeights } });
      if (result.error) return showErrors(result.error);
      router.push(`/compare?runs=${result.data!.startSweep.runs.map((r) => r.id).join(',')}`);
    } finally {
      setBusy(false);
    }
  };

  const input = (key: keyof CharRnnFormValues, label: string, hint?: string) => (
    <FormField label={label} name={key} error={errors[key]} hint={hint}>
      <input name={key} value={String(values[key])} onChange={(e) => set(key, e.target.value as never)} aria-invalid={!!errors[key]} />
    </FormField>
  );

  return (
    <form onSubmit={(e: FormEvent) => { e.preventDefault(); void submit(target); }} data-testid="char-rnn-launch-form">
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Character LSTM (experiment #3)</h2>
        <div className="toolbar">
          <button type="button" className="primary" disabled={busy} onClick={() => void submit('sweep', EXPERIMENT_3.orthoWeights)}>
            Start experiment #3: orthonormality weight {EXPERIMENT_3.orthoWeights.join(', ')}
          </button>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          SPEC §4 defaults: 2 LSTM layers of 512, embedding 48, 8 steps × 128 streams, Adam 1e-3 × 0.97 per epoch, 20 epochs.
          On a CPU a step at these sizes takes seconds — set “max iterations” (or smaller sizes) for a quick look.
        </p>
        <div className="toolbar" style={{ marginTop: 12 }}>
          <label><input type="radio" name="char-rnn-target" checked={target === 'run'} onChange={() => setTarget('run')} /> One run</label>
          <label><input type="radio" name="char-rnn-target" checked={target === 'sweep'} onChange={() => setTarget('sweep')} /> Weight sweep</label>
        </div>
        <div className="form-grid">
          {input('name', 'Name', 'optional')}
          <FormField label="Text" name="dataset" error={errors.dataset}>
            <DatasetSelect kind="CHAR_RNN" value={values.dataset} onChange={(d) => set('dataset', d)} invalid={!!errors.dataset} />
          </FormField>
          <FormField label="Cell" name="cell" error={errors.cell}>
            <select value={values.cell} onChange={(e) => set('cell', e.target.value as CharRnnFormValues['cell'])}>
              <option value="LSTM">LSTM</option>
              <option value="GRU">GRU</option>
              <option value="RNN">plain RNN (tanh)</option>
            </select>
          </FormField>
          {target === 'run'
            ? input('orthoWeight', 'Orthonormality weight')
            : input('orthoWeights', 'Orthonormality weights', 'comma-separated; one run each')}
          {input('hiddenSize', 'Hidden size')}
          {input('layers', 'Layers')}
          {input('embeddingSize', 'Embedding size')}
          {input('steps', 'Steps (characters per stream and step)')}
          {input('batchSize', 'Streams (batch)')}
          {input('epochs', 'Epochs')}
          {input('learningRate', 'Learning rate (Adam)')}
          {input('learningRateDecay', 'Learning-rate factor per epoch')}
          {input('validationFraction', 'Held-out tail (fraction)')}
          {input('evalEvery', 'Validate every (iterations)')}
          {input('seed', 'Seed')}
          {input('maxIterations', 'Max iterations', 'empty: all epochs')}
          {input('evalLimit', 'Validation steps', 'empty: the whole held-out tail')}
          {input('tags', 'Tags', 'comma-separated')}
          <FormField label="Stop automatically when it diverges" name="autoStop" error={errors.autoStop}>
            <input type="checkbox" checked={values.autoStop} onChange={(e) => set('autoStop', e.target.checked)} />
          </FormField>
        </div>
        {formError ? <div className="banner" role="alert" style={{ marginTop: 12 }}>{formError}</div> : null}
        <div className="toolbar" style={{ marginTop: 14, marginBottom: 0 }}>
          <button type="submit" className="primary" disabled={busy}>{target === 'run' ? 'Start run' : 'Start sweep'}</button>
          <button type="button" onClick={() => { setValues(CHAR_RNN_FORM_DEFAULTS); setErrors({}); setFormError(null); }}>Reset to SPEC §4 defaults</button>
        </div>
      </div>
    </form>
  );
}
