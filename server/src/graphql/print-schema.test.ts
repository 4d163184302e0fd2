import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printApiSchema, SCHEMA_FILE } from './print-schema';

describe('printApiSchema', () => {
  it('server/schema.graphql is up to date (else: npm run schema -w server)', async () => {
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    expect(checkedIn, 'server/schema.graphql is stale: run `npm run schema -w server` and commit it').toBe(await printApiSchema());
  });

  it('keeps the contract names of issue 4', async () => {
    const sdl = await printApiSchema();
    for (const name of ['enum ExperimentKind', 'enum ConvMode', 'enum RunStatus', 'enum MetricSplit', 'input RunInput', 'input SweepInput',
      'input AlertRulesInput', 'type MetricSeries', 'type MetricBatch', 'type Dataset', 'type SystemInfo',
      'startRun(input: RunInput!): Run!', 'startSweep(input: SweepInput!): Sweep!', 'stopRun(id: ID!): Run!',
      'resumeRun(id: ID!): Run!', 'deleteRun(id: ID!): Boolean!', 'runMetrics(runId: ID!): MetricBatch!', 'alerts(runId: ID): Alert!',
      'metrics(names: [String!], split: MetricSplit, maxPoints: Int = 1000, fromIteration: Int, toIteration: Int): [MetricSeries!]!']) {
      expect(sdl).toContain(name);
    }
  });
});
