import * as shared from '@orthoscope/shared';
import { parse, validate } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from './build-schema';

const schema = buildApiSchema();
const operations = Object.entries(shared).filter(([name, value]) => /_(QUERY|MUTATION|SUBSCRIPTION)$/.test(name) && typeof value === 'string') as [string, string][];

describe('shared operations', () => {
  it('there are operations to check (queries, mutations and subscriptions)', () => {
    expect(operations.map(([n]) => n)).toEqual(expect.arrayContaining(['RUNS_QUERY', 'START_SWEEP_MUTATION', 'ALERTS_SUBSCRIPTION']));
  });

  it.each(operations)('%s is valid against the API schema', async (_name, source) => {
    const errors = validate(await schema, parse(source));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
