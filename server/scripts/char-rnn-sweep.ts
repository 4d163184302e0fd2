/**
 * Starts the original study's experiment #3 through the API — the SPEC §4 char-LSTM once per
 * orthonormality weight in 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 0 — follows it, and prints per run the
 * final training cross-entropy, orthonormality loss and validation bits per character, then a
 * 320-character sample from each run's last checkpoint.
 *
 *   npx tsx server/scripts/char-rnn-sweep.ts [--url http://127.0.0.1:4000/graphql] [--dataset nietzsche|brown]
 *     [--ortho-weights 1e-3,1e-4,1e-5,1e-6,1e-7,0] [--cell lstm|gru|rnn] [--hidden-size N] [--batch-size N]
 *     [--max-iterations N] [--eval-every N] [--eval-limit N] [--seed-text "ethics is a basic foundation of all that"]
 *
 * Set ORTHOSCOPE_TOKEN when the server is not on loopback. Exits 0 when every run SUCCEEDED.
 */
import { parseArgs } from 'node:util';
import { CHAR_RNN_ORTHO_WEIGHT_SWEEP, SAMPLE_TEXT_QUERY, START_SWEEP_MUTATION, type ApiRun } from '@orthoscope/shared';
import { connectApi, followRuns, formatMetric, latestMetric, optionalNumber } from './api-client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.ORTHOSCOPE_URL ?? 'http://127.0.0.1:4000/graphql' },
    dataset: { type: 'string', default: 'nietzsche' },
    'ortho-weights': { type: 'string', default: CHAR_RNN_ORTHO_WEIGHT_SWEEP.join(',') },
    cell: { type: 'string' },
    'embedding-size': { type: 'string' },
    'hidden-size': { type: 'string' },
    'batch-size': { type: 'string' },
    'max-iterations': { type: 'string' },
    'eval-every': { type: 'string' },
    'eval-limit': { type: 'string' },
    // The study's seed string.
    'seed-text': { type: 'string', default: 'ethics is a basic foundation of all that' },
    'poll-ms': { type: 'string', default: '2000' },
  },
});
const api = connectApi(args.url!);
const { request } = api;

const base = {
  kind: 'CHAR_RNN', dataset: args.dataset, cell: args.cell?.toUpperCase(), embeddingSize: optionalNumber(args['embedding-size']),
  hiddenSize: optionalNumber(args['hidden-size']), batchSize: optionalNumber(args['batch-size']), maxIterations: optionalNumber(args['max-iterations']),
  evalEvery: optionalNumber(args['eval-every']), evalLimit: optionalNumber(args['eval-limit']), tags: ['experiment-3'],
};
const orthoWeights = args['ortho-weights']!.split(',').filter(Boolean).map(Number);

const { startSweep } = await request<{ startSweep: { id: string; runs: ApiRun[] } }>(START_SWEEP_MUTATION, {
  input: { name: `experiment #3 ${args.dataset}`, base, orthoWeights },
});
console.log(`sweep ${startSweep.id}: ${startSweep.runs.length} runs queued (${startSweep.runs.map((r) => r.name).join(', ')})`);

const final = await followRuns(api, startSweep.runs.map((r) => r.id), Number(args['poll-ms']), (run) =>
  console.log(`${run.name}: ${run.status} ${run.iteration}/${run.totalIterations ?? '?'} train CE ${formatMetric(latestMetric(run, 'crossEntropy', 'TRAIN'))}, validation bits/char ${formatMetric(latestMetric(run, 'bitsPerChar', 'VALIDATION'))}`),
);

for (const { id } of startSweep.runs) {
  const run = final.get(id)!;
  console.log(`DONE ${run.name}: ${run.status} at iteration ${run.iteration}; train cross-entropy ${formatMetric(latestMetric(run, 'crossEntropy', 'TRAIN'))}, `
    + `orthonormality loss ${formatMetric(latestMetric(run, 'orthonormalityLoss', 'TRAIN'))}, validation bits/char ${formatMetric(latestMetric(run, 'bitsPerChar', 'VALIDATION'))}${run.error ? ` (${run.error})` : ''}`);
  if (run.status === 'SUCCEEDED') {
    const { sampleText } = await request<{ sampleText: string }>(SAMPLE_TEXT_QUERY, { runId: id, seed: args['seed-text'], randomSeed: 0 });
    console.log(`SAMPLE ${run.name}: ${JSON.stringify(sampleText)}`);
  }
}
process.exit([...final.values()].every((run) => run.status === 'SUCCEEDED') ? 0 : 1);
