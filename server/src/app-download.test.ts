import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DATASET_DOWNLOAD_SUBSCRIPTION, DATASETS_QUERY, DOWNLOAD_DATASET_MUTATION, type ApiDataset } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { collect, gql, removeHomes, tempHome, waitFor, wsClient } from './app.test-helper';
import { readServerConfig } from './config';
import { loadCifar } from './engine/data/cifar';
import { tarGz, tempDir, writeCifar10 } from './engine/data/cifar-fixtures.test-helper';

// A generated CIFAR-10 release (5 training + 3 test records), served by a local http server in
// 12 slices 100 ms apart, so that the download lasts about a second and reports progress.
const fixtures = tempDir();
writeCifar10(fixtures, { 'data_batch_1.bin': [0, 1, 2, 3, 4] }, [5, 6, 7]);
const archive = readFileSync(tarGz(fixtures, 'cifar-10-batches-bin', 'cifar-10-binary.tar.gz'));
const md5 = createHash('md5').update(archive).digest('hex');
let requests = 0;
let files: Server;
let filesUrl: string;
/** A port nothing listens on: what a download without internet meets. */
let deadUrl: string;

async function startApp(env: Record<string, string>, dataRoot: string) {
  const config = readServerConfig({ PORT: '0', ORTHOSCOPE_HOME: tempHome(), ORTHOSCOPE_DATA: dataRoot, ORTHOSCOPE_BACKEND: 'wasm', ...env });
  const app = buildApp({
    config, log: () => {},
    cifarSources: {
      cifar10: { url: `${filesUrl}/cifar-10-binary.tar.gz`, sizeBytes: archive.length, md5 },
      cifar100: { url: `${deadUrl}/cifar-100-binary.tar.gz`, sizeBytes: 1000, md5: '0'.repeat(32) },
    },
  });
  return { ...(await app.start()), stop: app.stop };
}

beforeAll(async () => {
  files = createServer(async (req, res) => {
    if (req.url !== '/cifar-10-binary.tar.gz') return void res.writeHead(404).end();
    requests++;
    res.writeHead(200, { 'content-length': String(archive.length) });
    const slice = Math.ceil(archive.length / 12);
    for (let at = 0; at < archive.length; at += slice) {
      res.write(archive.subarray(at, at + slice));
      await new Promise((r) => setTimeout(r, 100));
    }
    res.end();
  });
  await new Promise<void>((done) => files.listen(0, '127.0.0.1', done));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((done) => probe.close(done));
});
afterAll(async () => {
  files.closeAllConnections();
  await new Promise((done) => files.close(done));
  rmSync(fixtures, { recursive: true, force: true });
  removeHomes();
});

describe('downloadDataset + datasetDownload', () => {
  it('downloads a missing CIFAR-10 from the injected source with throttled progress, once, and lists it AVAILABLE', async () => {
    const dataRoot = tempDir();
    const app = await startApp({ ORTHOSCOPE_DOWNLOAD: '1' }, dataRoot);
    const client = wsClient(app.url);
    try {
      const before = (await gql<{ datasets: ApiDataset[] }>(app.url, DATASETS_QUERY)).data!.datasets.find((d) => d.name === 'cifar10');
      expect(before).toMatchObject({ status: 'DOWNLOADABLE', path: null, download: null });
      const events = collect<{ datasetDownload: ApiDataset }>(client, DATASET_DOWNLOAD_SUBSCRIPTION, { name: 'cifar10' });
      await new Promise((r) => setTimeout(r, 300));

      const started = Date.now();
      const first = await gql(app.url, DOWNLOAD_DATASET_MUTATION, { name: 'cifar10' });
      expect(first.errors).toBeUndefined();
      expect(first.data.downloadDataset).toMatchObject({ name: 'cifar10', status: 'DOWNLOADABLE', download: { phase: 'DOWNLOAD', total: archive.length, error: null } });
      // A second call while the first download runs starts nothing new.
      const again = await gql(app.url, DOWNLOAD_DATASET_MUTATION, { name: 'cifar10' });
      expect(again.data.downloadDataset.download.phase).toBe('DOWNLOAD');

      const done = await waitFor('the download to finish', () => events.items.find((e) => e.datasetDownload.status === 'AVAILABLE'), 30_000);
      const took = Date.now() - started;
      expect(done.datasetDownload).toMatchObject({ status: 'AVAILABLE', path: join(dataRoot, 'cifar-10-binary.tar.gz'), sizeBytes: archive.length, download: { phase: 'DONE', loaded: archive.length, error: null } });
      expect(requests).toBe(1);

      const downloading = events.items.map((e) => e.datasetDownload.download!).filter((d) => d.phase === 'DOWNLOAD');
      const loaded = downloading.map((d) => d.loaded);
      expect(loaded.length).toBeGreaterThanOrEqual(3); // about 1.2 s of download: the start and a few updates
      expect(loaded.length).toBeLessThanOrEqual(took / 250 + 2); // throttled to ≤ 4 a second
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(loaded.some((l) => l > 0 && l < archive.length)).toBe(true);
      expect(events.items.some((e) => e.datasetDownload.download!.phase === 'VERIFY')).toBe(true);
      expect(events.errors).toEqual([]);

      const listed = (await gql<{ datasets: ApiDataset[] }>(app.url, DATASETS_QUERY)).data!.datasets.find((d) => d.name === 'cifar10');
      expect(listed).toMatchObject({ status: 'AVAILABLE', download: { phase: 'DONE' } });
      const data = await loadCifar(dataRoot, 'cifar10');
      expect([data.train.count, data.test.count, Array.from(data.test.labels)]).toEqual([5, 3, [5, 6, 7]]);
      // On disk now: asking again downloads nothing.
      expect((await gql(app.url, DOWNLOAD_DATASET_MUTATION, { name: 'cifar10' })).data.downloadDataset.status).toBe('AVAILABLE');
      await new Promise((r) => setTimeout(r, 300));
      expect(requests).toBe(1);
      events.dispose();
    } finally {
      await client.dispose();
      await app.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });

  it('a download that cannot connect fails with the URL, the cause and where to put the files; nothing is left behind', async () => {
    const dataRoot = tempDir();
    const app = await startApp({ ORTHOSCOPE_DOWNLOAD: '1' }, dataRoot);
    const client = wsClient(app.url);
    try {
      const events = collect<{ datasetDownload: ApiDataset }>(client, DATASET_DOWNLOAD_SUBSCRIPTION, {});
      await new Promise((r) => setTimeout(r, 300));
      expect((await gql(app.url, DOWNLOAD_DATASET_MUTATION, { name: 'cifar100' })).errors).toBeUndefined();
      const failed = await waitFor('the failure', () => events.items.find((e) => e.datasetDownload.download?.phase === 'FAILED'), 30_000);
      const error = failed.datasetDownload.download!.error!;
      expect(failed.datasetDownload).toMatchObject({ name: 'cifar100', status: 'DOWNLOADABLE' });
      expect(error).toContain(`${deadUrl}/cifar-100-binary.tar.gz: download failed`);
      expect(error).toMatch(/ECONNREFUSED/);
      expect(error).toContain(`put cifar-100-binary.tar.gz (from ${deadUrl}/cifar-100-binary.tar.gz) or its extracted folder cifar-100-binary/ at the top of the data root ${dataRoot}`);
      expect(readdirSync(dataRoot)).toEqual([]);
      const listed = (await gql<{ datasets: ApiDataset[] }>(app.url, DATASETS_QUERY)).data!.datasets.find((d) => d.name === 'cifar100');
      expect(listed).toMatchObject({ status: 'DOWNLOADABLE', download: { phase: 'FAILED', error } });
      events.dispose();
    } finally {
      await client.dispose();
      await app.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });

  it('bad names and a forbidden download are BAD_USER_INPUT naming the field and value', async () => {
    const dataRoot = tempDir();
    const app = await startApp({ ORTHOSCOPE_DOWNLOAD: '0' }, dataRoot);
    try {
      for (const [name, problem] of [['../cifar10', /path separators/], ['', /non-empty/], ['brown', /only cifar10 and cifar100/], ['cifar10', /ORTHOSCOPE_DOWNLOAD=0.*put cifar-10-binary\.tar\.gz/]] as const) {
        const result = await gql(app.url, DOWNLOAD_DATASET_MUTATION, { name });
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', value: name });
        expect(result.errors?.[0].message).toMatch(problem);
      }
      expect(readdirSync(dataRoot)).toEqual([]);
      expect(requests).toBe(1); // the first test's only
    } finally {
      await app.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
