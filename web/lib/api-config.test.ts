import { describe, expect, it } from 'vitest';
import { readApiConfig } from './api-config';

describe('readApiConfig', () => {
  it('nothing set: API on 127.0.0.1:4000, ws via the page host', () => {
    expect(readApiConfig({})).toEqual({
      upstreamHttpUrl: 'http://127.0.0.1:4000/graphql',
      wsUrl: 'ws://127.0.0.1:4000/graphql',
      wsUsePageHost: true,
    });
  });
  it('API_PORT=4123 moves both URLs', () => {
    expect(readApiConfig({ API_PORT: '4123' }).wsUrl).toBe('ws://127.0.0.1:4123/graphql');
  });
  it('public https URL becomes wss and is used as is', () => {
    const c = readApiConfig({ ORTHOSCOPE_API_URL: 'http://api:4000/graphql', ORTHOSCOPE_PUBLIC_API_URL: 'https://lab.example/graphql' });
    expect(c).toEqual({ upstreamHttpUrl: 'http://api:4000/graphql', wsUrl: 'wss://lab.example/graphql', wsUsePageHost: false });
  });
  it('a malformed URL is refused naming the variable and value', () => {
    expect(() => readApiConfig({ ORTHOSCOPE_API_URL: 'nope' })).toThrow('not a URL: "nope"');
  });
});
