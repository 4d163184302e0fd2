import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeError, isAuthError } from './api-errors';

const gql = (message: string, code?: string) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: code ? { code } : {} })] });

describe('isAuthError', () => {
  it('UNAUTHENTICATED code', () => expect(isAuthError(gql('nope', 'UNAUTHENTICATED'))).toBe(true));
  it("type-graphql's 'Access denied!' message", () => expect(isAuthError(gql('Access denied! You need to be authenticated to perform this action!'))).toBe(true));
  it('a validation error is not one', () => expect(isAuthError(gql('Invalid learningRate: -1', 'BAD_USER_INPUT'))).toBe(false));
});

describe('describeError', () => {
  it('auth error gets the token hint', () => expect(describeError(gql('Access denied!'))).toContain('API token'));
  it('other errors pass through', () => expect(describeError(gql('run abc not found', 'NOT_FOUND'))).toBe('run abc not found'));
});
