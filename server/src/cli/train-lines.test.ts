import { resolveCharRnnConfig, resolveCnnConfig, resolveSegmentationConfig } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { evalLine, progressFields, startLine } from './train-lines';

const seg = resolveSegmentationConfig({ mode: 'penalty', orthoWeight: 0.1, imageSize: 64 });
const start = { type: 'start' as const, backend: 'wasm', device: 'CPU', config: {}, iteration: 0, totalIterations: 200 };
const metrics = { crossEntropy: 0.41234, pixelAccuracy: 0.81, meanIoU: 0.655559, orthoLoss: 3, weightedOrthoLoss: 0.3, totalLoss: 0.7, timePerIter: 900, stepMs: 850, evalMs: 1250 };

describe('startLine', () => {
  it('segmentation penalty: data set, mode, λ, input size, backend, iterations; CNN and char-RNN as before', () => {
    expect(startLine(seg, start)).toBe('isbi2012-membrane penalty λ=0.1 64 px on wasm (CPU), 200 iterations');
    expect(startLine(resolveCnnConfig({ mode: 'householder' }), start)).toBe('cifar10 householder on wasm (CPU), 200 iterations');
    expect(startLine(resolveCharRnnConfig({ cell: 'gru' }), start)).toBe('brown gru λ=0 on wasm (CPU), 200 iterations');
  });
});

describe('progressFields', () => {
  it('segmentation: crossEntropy, pixelAccuracy, meanIoU, orthoLoss, stepMs', () => {
    expect(progressFields(seg, metrics)).toEqual({ crossEntropy: 0.41234, pixelAccuracy: 0.81, meanIoU: 0.655559, orthoLoss: 3, stepMs: 850 });
  });
});

describe('evalLine', () => {
  it('segmentation: crossEntropy, pixelAccuracy and meanIoU to 4 places, seconds', () => {
    expect(evalLine(seg, 50, metrics)).toBe('eval @50: crossEntropy 0.4123  pixelAccuracy 0.8100  meanIoU 0.6556  (1.3 s)');
    expect(evalLine(resolveCnnConfig({}), 100, { crossEntropy: 2, accuracy: 0.25, evalMs: 500 })).toBe('eval @100: crossEntropy 2.0000  accuracy 0.2500  (0.5 s)');
  });
});
