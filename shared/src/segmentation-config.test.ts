import { describe, expect, it } from 'vitest';
import { InvalidFieldError } from './validation';
import { SEGMENTATION_DEFAULTS, resolveSegmentationConfig } from './segmentation-config';

describe('resolveSegmentationConfig', () => {
  it('empty input: the defaults with kind segmentation', () => {
    expect(resolveSegmentationConfig({})).toEqual(SEGMENTATION_DEFAULTS);
  });
  it('undefined fields keep their defaults', () => {
    expect(resolveSegmentationConfig({ imageSize: undefined, mode: 'penalty', orthoWeight: 1 }).imageSize).toBe(128);
  });
  it('imageSize 102 with depth 2: names imageSize and 2^depth', () => {
    expect(() => resolveSegmentationConfig({ imageSize: 102 })).toThrow(/imageSize: 102 — must be a multiple of 2\^depth = 4/);
  });
  it('ignoreLabel 1 with numClasses 2: rejected as a class id', () => {
    expect(() => resolveSegmentationConfig({ numClasses: 2, ignoreLabel: 1 })).toThrow(InvalidFieldError);
  });
  it('baseline with orthoWeight 1: rejected', () => {
    expect(() => resolveSegmentationConfig({ orthoWeight: 1 })).toThrow(/orthoWeight/);
  });
  it('dataset "../etc": rejected (folder names only)', () => {
    expect(() => resolveSegmentationConfig({ dataset: '../etc' })).toThrow(/Invalid dataset: "..\/etc"/);
  });
  it('fit "stretch": names the allowed values', () => {
    expect(() => resolveSegmentationConfig({ fit: 'stretch' as never })).toThrow(/crop, resize/);
  });
  it('numClasses 1: rejected', () => {
    expect(() => resolveSegmentationConfig({ numClasses: 1 })).toThrow(/numClasses/);
  });
});
