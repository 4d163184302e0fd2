import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from './datasets-error';
import { downloadFile, verifyFile } from './download';
import { tempDir } from './cifar-fixtures.test-helper';

const body = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31) % 251));
const md5 = createHash('md5').update(body).digest('hex');
let server: Server;
let base: string;
const root = tempDir();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/file.bin') res.end(body);
    else if (req.url === '/stall') {
      res.writeHead(200, { 'content-length': String(body.length) });
      res.write(body.subarray(0, 1000)); // then nothing more
    } else if (req.url === '/moved') res.writeHead(302, { location: '/file.bin' }).end();
    else res.writeHead(404).end('no such file');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<DataFileError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataFileError);
  return err as DataFileError;
}

describe('downloadFile', () => {
  it('200 kB from a local server: file written, progress download then verify up to the full size', async () => {
    const dest = join(root, 'sub', 'ok.bin');
    const phases: string[] = [];
    let last = { loaded: 0, total: 0 };
    await downloadFile({ url: `${base}/file.bin`, dest, expectedBytes: body.length, expectedMd5: md5, onProgress: (p) => {
      if (phases.at(-1) !== p.phase) phases.push(p.phase);
      last = p;
    } });
    expect(readFileSync(dest).equals(body)).toBe(true);
    expect(phases).toEqual(['download', 'verify']);
    expect(last).toEqual({ phase: 'verify', loaded: body.length, total: body.length });
    expect(readdirSync(join(root, 'sub'))).toEqual(['ok.bin']); // no temporary file left
  });

  it('follows a redirect', async () => {
    const dest = join(root, 'redirected.bin');
    await downloadFile({ url: `${base}/moved`, dest, expectedBytes: body.length, expectedMd5: md5 });
    expect(readFileSync(dest).equals(body)).toBe(true);
  });

  it('MD5 mismatch: DataFileError naming the destination, nothing left on disk', async () => {
    const dest = join(root, 'bad-md5.bin');
    const err = await failure(downloadFile({ url: `${base}/file.bin`, dest, expectedBytes: body.length, expectedMd5: '0'.repeat(32) }));
    expect(err.file).toBe(dest);
    expect(err.problem).toMatch(new RegExp(`MD5 ${md5} differs from the expected 0{32}`));
    expect(readdirSync(root).filter((f) => f.startsWith('bad-md5'))).toEqual([]);
  });

  it('size mismatch: DataFileError with both sizes', async () => {
    const dest = join(root, 'bad-size.bin');
    const err = await failure(downloadFile({ url: `${base}/file.bin`, dest, expectedBytes: 1234, expectedMd5: md5 }));
    expect(err.problem).toMatch(/size 200000 bytes differs from the expected 1234 bytes/);
    expect(existsSync(dest)).toBe(false);
  });

  it('two downloads of the same file at once: both succeed, one intact file', async () => {
    const dest = join(root, 'twice', 'same.bin');
    const opts = { url: `${base}/file.bin`, dest, expectedBytes: body.length, expectedMd5: md5 };
    await Promise.all([downloadFile(opts), downloadFile(opts)]);
    expect(readFileSync(dest).equals(body)).toBe(true);
    expect(readdirSync(join(root, 'twice'))).toEqual(['same.bin']);
  });

  it('server stalls after 1000 bytes, idleTimeoutMs 300: DataFileError "no data received for 0.3 s"', async () => {
    const url = `${base}/stall`;
    const dest = join(root, 'stalled', 'x.bin');
    const started = Date.now();
    const err = await failure(downloadFile({ url, dest, expectedBytes: body.length, expectedMd5: md5, idleTimeoutMs: 300 }));
    expect(err.file).toBe(url);
    expect(err.problem).toBe('download failed: no data received for 0.3 s');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(readdirSync(join(root, 'stalled'))).toEqual([]);
  });

  it('HTTP 404: DataFileError naming the URL and status', async () => {
    const url = `${base}/missing.bin`;
    const err = await failure(downloadFile({ url, dest: join(root, 'x.bin'), expectedBytes: 1, expectedMd5: md5 }));
    expect(err.file).toBe(url);
    expect(err.problem).toMatch(/HTTP 404/);
  });

  it('connection refused: DataFileError naming the URL', async () => {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/file.bin`;
    await new Promise((done) => probe.close(done));
    const err = await failure(downloadFile({ url, dest: join(root, 'y.bin'), expectedBytes: 1, expectedMd5: md5 }));
    expect(err.file).toBe(url);
    expect(err.problem).toMatch(/download failed/);
  });
});

describe('verifyFile', () => {
  it('matching local file passes; one changed byte fails with the computed MD5', async () => {
    const path = join(root, 'local.bin');
    writeFileSync(path, body);
    await verifyFile(path, { expectedBytes: body.length, expectedMd5: md5.toUpperCase() });
    const changed = Buffer.from(body);
    changed[1000] ^= 1;
    writeFileSync(path, changed);
    const err = await failure(verifyFile(path, { expectedBytes: body.length, expectedMd5: md5 }));
    expect(err.problem).toContain(createHash('md5').update(changed).digest('hex'));
  });
});
