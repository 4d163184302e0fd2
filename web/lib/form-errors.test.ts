import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { formErrorsOf } from './form-errors';

describe('formErrorsOf', () => {
  it('base.hiddenSize error → byField.hiddenSize; one without a field → other', () => {
    const error = new CombinedError({ graphQLErrors: [
      new GraphQLError('Invalid base.hiddenSize: 0', { extensions: { code: 'BAD_USER_INPUT', field: 'base.hiddenSize' } }),
      new GraphQLError('boom'),
    ] });
    expect(formErrorsOf(error)).toEqual({ byField: { hiddenSize: 'Invalid base.hiddenSize: 0' }, other: 'boom' });
  });

  it('UNAUTHENTICATED: the message and the API-token hint', () => {
    const { other } = formErrorsOf(new CombinedError({ graphQLErrors: [new GraphQLError('nope', { extensions: { code: 'UNAUTHENTICATED' } })] }));
    expect(other).toContain('nope; ');
    expect(other).toContain('API token');
  });
});
