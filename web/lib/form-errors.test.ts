import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { clearFieldError, fieldErrorOf, formErrorsOf } from './form-errors';

describe('formErrorsOf', () => {
  it('base.hiddenSize error → byField.hiddenSize; one without a field → other', () => {
    const error = new CombinedError({ graphQLErrors: [
      new GraphQLError('Invalid base.hiddenSize: 0', { extensions: { code: 'BAD_USER_INPUT', field: 'base.hiddenSize' } }),
      new GraphQLError('boom'),
    ] });
    expect(formErrorsOf(error)).toEqual({ byField: { hiddenSize: 'Invalid value: 0' }, other: 'boom' });
  });

  it('UNAUTHENTICATED: the message and the API-token hint', () => {
    const { other } = formErrorsOf(new CombinedError({ graphQLErrors: [new GraphQLError('nope', { extensions: { code: 'UNAUTHENTICATED' } })] }));
    expect(other).toContain('nope; ');
    expect(other).toContain('API token');
  });
});

describe('fieldErrorOf', () => {
  it('a one-click sweep\'s "Invalid base.batchSize: 0 — …" → batchSize, without the internal prefix', () =>
    expect(fieldErrorOf('Invalid base.batchSize: 0 — must be an integer from 1 to 4096', 'base.batchSize')).toEqual({ field: 'batchSize', message: 'Invalid value: 0 — must be an integer from 1 to 4096' }));
  it('a run\'s "Invalid learningRate: -1 — …" keeps the value -1', () =>
    expect(fieldErrorOf('Invalid learningRate: -1 — must be > 0', 'learningRate')).toEqual({ field: 'learningRate', message: 'Invalid value: -1 — must be > 0' }));
  it('another message naming base.seed says seed instead', () =>
    expect(fieldErrorOf('base.seed must be an integer', 'base.seed')).toEqual({ field: 'seed', message: 'seed must be an integer' }));
  it('a variable-coercion error at "i.base.batchSize" (1.5) → batchSize with GraphQL\'s reason', () =>
    expect(fieldErrorOf('Variable "$input" got invalid value 1.5 at "input.base.batchSize"; Int cannot represent non-integer value: 1.5', undefined)).toEqual({ field: 'batchSize', message: 'Int cannot represent non-integer value: 1.5' }));
  it('a coercion error about the whole "i.base" (a required field missing) names no form field → null', () =>
    expect(fieldErrorOf('Variable "$i" got invalid value { kind: "CNN" } at "i.base"; Field "dataset" of required type "String!" was not provided.', undefined)).toBeNull());
  it('an error naming no field → null', () => expect(fieldErrorOf('Dataset cifar100 is not downloaded', undefined)).toBeNull());
});

describe('clearFieldError', () => {
  it('editing batchSize drops its error and keeps seed\'s', () => expect(clearFieldError({ batchSize: 'Invalid value: 0', seed: 'x' }, 'batchSize')).toEqual({ seed: 'x' }));
  it('a field without an error returns the same object (no re-render)', () => {
    const errors = { seed: 'x' };
    expect(clearFieldError(errors, 'batchSize')).toBe(errors);
  });
});
