/**
 * Runs the SPEC §5 segmentation comparison through the API: one sweep with the three conv modes
 * (baseline λ = 0, penalty at each λ, householder) on a segmentation data set, follows it, prints
 * each run's progress and final train cross-entropy, orthoLoss and validation mean IoU / pixel
 * accuracy, and saves every run's latest validation previews (image, true mask, predicted mask)
 * as PNG files under --out.
 *
 *   npx tsx server/scripts/segmentation-sweep.ts [--url http://127.0.0.1:4000/graphql] [--dataset isbi2012-membrane]
 *     [--ortho-weights 0,1] [--image-size N] [--batch-size N] [--base-channels N] [--max-iterations N]
 *     [--eval-every N] [--eval-limit N] [--out segmentation-previews]
 *
 * Set ORTHOSCOPE_TOKEN when the server is not on loopback. Exits 0 when every run SUCCEEDED.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEGMENTATION_PREVIEWS_QUERY, START_SWEEP_MUTATION, type ApiRun } from '@orthoscope/shared';
import { connectApi, followRuns, formatMetric, latestMetric, optionalNumber } from './api-client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.ORTHOSCOPE_URL ?? 'http://127.0.0.1:4000/graphql' },
    dataset: { type: 'string', default: 'isbi2012-membrane' },
    'ortho-weights': { type: 'string', default: '0,1' },
    'image-size': { type: 'string' },
    'batch-size': { type: 'string' },
    'base-channels': { type: 'string' },
    'max-iterations': { type: 'string' },
    'eval-every': { type: 'string' },
    'eval-limit': { type: 'string' },
    out: { type: 'string', default: 'segmentation-previews' },
    'poll-ms': { type: 'string', default: '2000' },
  },
});
const api = connectApi(args.url!);
const { request } = api;

const base = {
  kind: 'SEGMENTATION', dataset: args.dataset, imageSize: optionalNumber(args['image-size']), batchSize: optionalNumber(args['batch-size']),
  baseChannels: optionalNumber(args['base-channels']), maxIterations: optionalNumber(args['max-iterations']), evalEvery: optionalNumber(args['eval-every']),
  evalLimit: optionalNumber(args['eval-limit']), tags: ['segmentation'],
};
const orthoWeights = args['ortho-weights']!.split(',').filter(Boolean).map(Number);

const { startSweep } = await request<{ startSweep: { id: string; runs: ApiRun[] } }>(START_SWEEP_MUTATION, {
  input: { name: `segmentation ${args.dataset}`, base, orthoWeights, includeHouseholder: true },
});
console.log(`sweep ${startSweep.id}: ${startSweep.runs.length} runs queued (${startSweep.runs.map((r) => r.name).join(', ')})`);

const final = await followRuns(api, startSweep.runs.map((r) => r.id), Number(args['poll-ms']), (run) =>
  console.log(`${run.name}: ${run.status} ${run.iteration}/${run.totalIterations ?? '?'} train CE ${formatMetric(latestMetric(run, 'crossEntropy', 'TRAIN'))}, validation mean IoU ${formatMetric(latestMetric(run, 'meanIoU', 'VALIDATION'))}`),
);

const outDir = resolve(args.out!);
for (const { id } of startSweep.runs) {
  const run = final.get(id)!;
  console.log(`DONE ${run.name}: ${run.status} at iteration ${run.iteration}; train cross-entropy ${formatMetric(latestMetric(run, 'crossEntropy', 'TRAIN'))}, `
    + `orthoLoss ${formatMetric(latestMetric(run, 'orthoLoss', 'TRAIN'))}, validation mean IoU ${formatMetric(latestMetric(run, 'meanIoU', 'VALIDATION'))}, `
    + `pixel accuracy ${formatMetric(latestMetric(run, 'pixelAccuracy', 'VALIDATION'))}${run.error ? ` (${run.error})` : ''}`);
  type Previews = { segmentationPreviews: { iteration: number; previews: Record<'image' | 'trueMask' | 'predictedMask', string>[] } | null };
  const { segmentationPreviews } = await request<Previews>(SEGMENTATION_PREVIEWS_QUERY, { runId: id });
  if (!segmentationPreviews) continue;
  const dir = join(outDir, run.id);
  mkdirSync(dir, { recursive: true });
  segmentationPreviews.previews.forEach((preview, k) => {
    for (const part of ['image', 'trueMask', 'predictedMask'] as const) {
      writeFileSync(join(dir, `${k}-${part}.png`), Buffer.from(preview[part].replace(/^data:image\/png;base64,/, ''), 'base64'));
    }
  });
  console.log(`PREVIEWS ${run.name}: ${segmentationPreviews.previews.length} at iteration ${segmentationPreviews.iteration} in ${dir}`);
}
process.exit([...final.values()].every((run) => run.status === 'SUCCEEDED') ? 0 : 1);
