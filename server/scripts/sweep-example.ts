/**
 * Starts the original study's experiment #2 through the API — one CIFAR-10 run per λ in
 * 0, 0.1, 1, 10, 100 plus a Householder run — and prints alerts and final accuracies as they arrive.
 *
 *   npx tsx server/scripts/sweep-example.ts [--url http://127.0.0.1:4000/graphql] [--dataset cifar10]
 *     [--ortho-weights 0,0.1,1,10,100] [--no-householder] [--max-iterations N] [--batch-size N] [--eval-limit N]
 *
 * Set ORTHOSCOPE_TOKEN when the server is not on loopback. Exits 0 when every run SUCCEEDED.
 */
import { parseArgs } from 'node:util';
import { ALERTS_SUBSCRIPTION, RUN_QUERY, RUN_UPDATES_SUBSCRIPTION, START_SWEEP_MUTATION, type ApiAlert, type ApiRun } from '@orthoscope/shared';
import { connectApi, optionalNumber } from './api-client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.ORTHOSCOPE_URL ?? 'http://127.0.0.1:4000/graphql' },
    dataset: { type: 'string', default: 'cifar10' },
    'ortho-weights': { type: 'string', default: '0,0.1,1,10,100' },
    'no-householder': { type: 'boolean', default: false },
    'max-iterations': { type: 'string' },
    'batch-size': { type: 'string' },
    'eval-limit': { type: 'string' },
  },
});
const { request, subscriptions } = connectApi(args.url!);

const base = {
  kind: 'CNN', dataset: args.dataset, maxIterations: optionalNumber(args['max-iterations']),
  batchSize: optionalNumber(args['batch-size']), evalLimit: optionalNumber(args['eval-limit']), tags: ['experiment-2'],
};
const orthoWeights = args['ortho-weights']!.split(',').filter(Boolean).map(Number);

const client = subscriptions();
const names = new Map<string, string>();
const finished = new Set<string>();
let expected = Infinity;
let allDone: () => void = () => {};
const done = new Promise<void>((resolve) => { allDone = resolve; });
const results: string[] = [];

// Subscribe before starting the sweep so that no alert or status change is missed.
async function report(id: string): Promise<void> {
  if (finished.has(id)) return;
  finished.add(id);
  const { run } = await request<{ run: ApiRun }>(RUN_QUERY, { id });
  const accuracy = run.latestMetrics?.find((p) => p.name === 'accuracy' && p.split === 'VALIDATION');
  const line = `${run.name}: ${run.status} at iteration ${run.iteration}, validation accuracy ${accuracy?.value?.toFixed(4) ?? 'n/a'}${run.error ? ` (${run.error})` : ''}`;
  results.push(line);
  console.log(`DONE ${line}`);
  if (results.length === expected) allDone();
}
const fail = (error: unknown) => { console.error(error); process.exit(2); };
const ready = Promise.all([ALERTS_SUBSCRIPTION, RUN_UPDATES_SUBSCRIPTION].map((query) => new Promise<void>((resolve) => {
  client.subscribe<{ alerts?: ApiAlert; runUpdates?: ApiRun }>({ query }, {
    next: ({ data }) => {
      const alert = data?.alerts;
      if (alert) console.log(`ALERT ${names.get(alert.runId) ?? alert.runId}: ${alert.rule} — ${alert.message}`);
      const run = data?.runUpdates;
      if (run && !['QUEUED', 'RUNNING'].includes(run.status) && names.has(run.id)) report(run.id).catch(fail);
    },
    error: fail,
    complete: () => {},
  });
  // graphql-ws has no "subscribed" acknowledgement; the connection opens within this delay.
  setTimeout(resolve, 500);
})));
await ready;

const { startSweep } = await request<{ startSweep: { id: string; name: string; runs: ApiRun[] } }>(START_SWEEP_MUTATION, {
  input: { name: 'experiment #2', base, orthoWeights, includeHouseholder: !args['no-householder'] },
});
for (const run of startSweep.runs) names.set(run.id, run.name);
expected = startSweep.runs.length;
console.log(`sweep ${startSweep.id}: ${expected} runs queued (${startSweep.runs.map((r) => r.name).join(', ')})`);
await done;
await client.dispose();
process.exit(results.every((line) => line.includes(': SUCCEEDED')) ? 0 : 1);
