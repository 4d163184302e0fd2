import { describe, expect, it } from 'vitest';
import { SEGMENTATION_FORM_DEFAULTS, nonNumericSegmentationFields, toSegmentationRunInput } from './segmentation-launch-input';

describe('toSegmentationRunInput', () => {
  it('defaults, one baseline run: SEGMENTATION on isbi2012-membrane, 128 px crops, no orthoWeight, empty optionals left out', () => {
    const input = toSegmentationRunInput(SEGMENTATION_FORM_DEFAULTS);
    expect(input).toMatchObject({ kind: 'SEGMENTATION', dataset: 'isbi2012-membrane', mode: 'BASELINE', fit: 'CROP', imageSize: 128, batchSize: 8, baseChannels: 16 });
    expect(input).not.toHaveProperty('orthoWeight');
    expect(input).not.toHaveProperty('numClasses');
    expect(input).not.toHaveProperty('maxIterations');
  });
  it('penalty run with λ 10 and ignore label 255: both passed', () => {
    const input = toSegmentationRunInput({ ...SEGMENTATION_FORM_DEFAULTS, mode: 'PENALTY', orthoWeight: '10', ignoreLabel: '255' });
    expect(input).toMatchObject({ mode: 'PENALTY', orthoWeight: 10, ignoreLabel: 255 });
  });
  it('sweep base: no mode, orthoWeight or name', () => {
    const input = toSegmentationRunInput({ ...SEGMENTATION_FORM_DEFAULTS, name: 'x', mode: 'PENALTY' }, true);
    expect(input).not.toHaveProperty('mode');
    expect(input).not.toHaveProperty('orthoWeight');
    expect(input).not.toHaveProperty('name');
  });
});

describe('nonNumericSegmentationFields', () => {
  it('imageSize "big": named; empty numClasses is fine', () => {
    expect(nonNumericSegmentationFields({ ...SEGMENTATION_FORM_DEFAULTS, imageSize: 'big' })).toEqual({ imageSize: 'imageSize: "big" is not a number' });
  });
});
