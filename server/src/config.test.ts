import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, readServerConfig } from './config';

describe('readServerConfig', () => {
  it('empty environment: issue 4 defaults relative to the working directory', () => {
    expect(readServerConfig({}, '/srv/app')).toEqual({
      port: 4000, host: '127.0.0.1', home: '/srv/app/.orthoscope', dataRoot: '/srv/app/.orthoscope/data',
      backend: 'auto', concurrency: null, download: true,
    });
  });

  it('every variable set: absolute and relative paths, numbers, backend, downloads off', () => {
    const config = readServerConfig({
      PORT: '0', HOST: '0.0.0.0', ORTHOSCOPE_HOME: 'state', ORTHOSCOPE_DATA: '/data', ORTHOSCOPE_BACKEND: 'wasm',
      ORTHOSCOPE_CONCURRENCY: '3', ORTHOSCOPE_DOWNLOAD: '0',
    }, '/srv');
    expect(config).toEqual({ port: 0, host: '0.0.0.0', home: '/srv/state', dataRoot: '/data', backend: 'wasm', concurrency: 3, download: false });
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty"/],
    ['PORT', '70000', /PORT="70000".*0 to 65535/],
    ['ORTHOSCOPE_CONCURRENCY', '0', /ORTHOSCOPE_CONCURRENCY="0"/],
    ['ORTHOSCOPE_BACKEND', 'gpu', /ORTHOSCOPE_BACKEND="gpu".*tensorflow-gpu/],
  ])('%s=%s: ConfigError naming the variable and value', (variable, value, message) => {
    expect(() => readServerConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => readServerConfig({ [variable]: value })).toThrow(message);
  });
});

describe('isLoopbackHost', () => {
  it.each([['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['localhost', true], ['0.0.0.0', false], ['192.168.1.5', false], ['::', false]])(
    '%s → %s', (host, loopback) => expect(isLoopbackHost(host as string)).toBe(loopback));
});
