'use client';

import type { FormEvent } from 'react';
import { useLaunchForm, type LaunchTarget } from '@/hooks/use-launch-form';
import {
  SEGMENTATION_FORM_DEFAULTS,
  nonNumericSegmentationFields,
  toSegmentationRunInput,
  type SegmentationFormValues,
} from '@/lib/segmentation-launch-input';
import { DatasetSelect } from './dataset-select';
import { FormField } from './form-field';

/** Segmentation (SPEC §5): one run or a sweep of the three conv modes; server errors beside their field. */
export function SegmentationLaunchForm() {
  const { values, set, target, setTarget, errors, formError, busy, launch, input, reset } = useLaunchForm<SegmentationFormValues>(SEGMENTATION_FORM_DEFAULTS, 'sweep');

  const submit = (kind: LaunchTarget) =>
    launch(kind, {
      localErrors: nonNumericSegmentationFields(values),
      runInput: () => toSegmentationRunInput(values),
      sweepInput: (orthoWeights) => ({
        name: values.name.trim() || `segmentation ${values.dataset}`,
        base: toSegmentationRunInput(values, true),
        orthoWeights,
        includeHouseholder: values.includeHouseholder,
      }),
    });

  return (
    <form onSubmit={(e: FormEvent) => { e.preventDefault(); void submit(target); }} data-testid="segmentation-launch-form">
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Segmentation (SPEC §5)</h2>
        <p className="muted" style={{ margin: 0 }}>
          A small U-Net whose 3×3 convs take the chosen mode, trained on image/mask pairs from <code>segmentation/&lt;name&gt;/</code> under the
          data root. Defaults: 128 px random crops, batch 8, 16 base channels, depth 2, Adam 1e-3 — about 1.3 s per step on one wasm thread.
          The run page shows validation images with their true and predicted masks at every evaluation.
        </p>
        <div className="toolbar" style={{ marginTop: 12 }}>
          <label><input type="radio" name="segmentation-target" checked={target === 'run'} onChange={() => setTarget('run')} /> One run</label>
          <label><input type="radio" name="segmentation-target" checked={target === 'sweep'} onChange={() => setTarget('sweep')} /> Sweep of the modes</label>
        </div>
        <div className="form-grid">
          {input('name', 'Name', 'optional')}
          <FormField label="Data set" name="dataset" error={errors.dataset}>
            <DatasetSelect kind="SEGMENTATION" value={values.dataset} onChange={(d) => set('dataset', d)} invalid={!!errors.dataset} />
          </FormField>
          {target === 'run' ? (
            <>
              <FormField label="Mode" name="mode" error={errors.mode}>
                <select value={values.mode} onChange={(e) => set('mode', e.target.value as SegmentationFormValues['mode'])}>
                  <option value="BASELINE">baseline</option>
                  <option value="PENALTY">penalty</option>
                  <option value="HOUSEHOLDER">householder</option>
                </select>
              </FormField>
              {values.mode === 'PENALTY' ? input('orthoWeight', 'λ (orthogonality weight)') : null}
            </>
          ) : (
            <>
              {input('orthoWeights', 'λ values', 'comma-separated; 0 = baseline, one run each')}
              <FormField label="Also a Householder run" name="includeHouseholder" error={errors.includeHouseholder}>
                <input type="checkbox" checked={values.includeHouseholder} onChange={(e) => set('includeHouseholder', e.target.checked)} />
              </FormField>
            </>
          )}
          <FormField label="Fit" name="fit" error={errors.fit}>
            <select value={values.fit} onChange={(e) => set('fit', e.target.value as SegmentationFormValues['fit'])}>
              <option value="CROP">random crops (centre crops for validation)</option>
              <option value="RESIZE">resize whole images</option>
            </select>
          </FormField>
          {input('imageSize', 'Image size (px)', 'a multiple of 2^depth')}
          {input('numClasses', 'Classes', 'empty: classes.txt or the masks')}
          {input('ignoreLabel', 'Ignore label', 'empty: none')}
          {input('baseChannels', 'Base channels')}
          {input('depth', 'Depth (down-samplings)')}
          {input('batchSize', 'Batch')}
          {input('epochs', 'Epochs')}
          {input('learningRate', 'Learning rate (Adam)')}
          {input('evalEvery', 'Validate every (iterations)')}
          {input('previewCount', 'Preview images')}
          {input('seed', 'Seed')}
          {input('maxIterations', 'Max iterations', 'empty: all epochs')}
          {input('evalLimit', 'Validation images', 'empty: all')}
          {input('tags', 'Tags', 'comma-separated')}
          <FormField label="Stop automatically when it diverges" name="autoStop" error={errors.autoStop}>
            <input type="checkbox" checked={values.autoStop} onChange={(e) => set('autoStop', e.target.checked)} />
          </FormField>
        </div>
        {formError ? <div className="banner" role="alert" style={{ marginTop: 12 }}>{formError}</div> : null}
        <div className="toolbar" style={{ marginTop: 14, marginBottom: 0 }}>
          <button type="submit" className="primary" disabled={busy}>{target === 'run' ? 'Start run' : 'Start sweep'}</button>
          <button type="button" onClick={reset}>Reset to defaults</button>
        </div>
      </div>
    </form>
  );
}
