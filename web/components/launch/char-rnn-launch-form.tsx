'use client';

import type { FormEvent } from 'react';
import {
  CHAR_RNN_FORM_DEFAULTS,
  EXPERIMENT_3,
  nonNumericCharRnnFields,
  toCharRnnRunInput,
  type CharRnnFormValues,
} from '@/lib/char-rnn-launch-input';
import { useLaunchForm, type LaunchTarget } from '@/hooks/use-launch-form';
import { DatasetSelect } from './dataset-select';
import { FormField } from './form-field';

/** Char-LSTM (experiment #3, SPEC §4): one run or an orthonormality-weight sweep; server errors beside their field. */
export function CharRnnLaunchForm() {
  const { values, set, target, setTarget, errors, formError, busy, launch, input, reset } = useLaunchForm<CharRnnFormValues>(CHAR_RNN_FORM_DEFAULTS, 'sweep');

  /** `weights`: the one-click experiment #3 sweep; absent: the form's own λ list. */
  const submit = (kind: LaunchTarget, weights?: readonly number[]) =>
    launch(kind, {
      localErrors: nonNumericCharRnnFields(values),
      runInput: () => toCharRnnRunInput(values),
      orthoWeights: weights,
      sweepInput: (orthoWeights) => ({
        name: values.name.trim() || (weights ? `experiment #3 ${values.dataset}` : undefined),
        base: toCharRnnRunInput(values, true),
        orthoWeights,
      }),
    });

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
          <button type="button" onClick={reset}>Reset to SPEC §4 defaults</button>
        </div>
      </div>
    </form>
  );
}
