import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../web/scripts/ensure-build.mjs';
import { freePort } from './support/ports';
import { DATA_ROOT } from './support/stack';

const ROOT = join(WEB_DIR, '..');
const home = mkdtempSync(join(tmpdir(), 'orthoscope-start-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

describe('npm start (scripts/start.mjs)', () => {
  it('PORT and WEB_PORT: prints the dashboard URL once API and dashboard answer; SIGTERM stops both', async () => {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(apiPort), WEB_PORT: String(webPort), ORTHOSCOPE_HOME: home, ORTHOSCOPE_DATA: DATA_ROOT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 240_000;
    while (!output.includes('Orthoscope dashboard:') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain(`Orthoscope dashboard: http://127.0.0.1:${webPort}`);

    const page = await fetch(`http://127.0.0.1:${webPort}/runs`);
    expect(page.status).toBe(200);
    const viaProxy = await fetch(`http://127.0.0.1:${webPort}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ system { version } }' }),
    });
    expect((await viaProxy.json()).data.system.version).toMatch(/^\d+\.\d+\.\d+/);

    child.kill('SIGTERM');
    expect(await exited).not.toBeNull();
    expect(await answers(`http://127.0.0.1:${apiPort}/health`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${webPort}/runs`)).toBe(false);
  });

  it('a busy WEB_PORT: exits 2 at once with a hint naming WEB_PORT, starts nothing', async () => {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(webPort, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(apiPort), WEB_PORT: String(webPort), ORTHOSCOPE_HOME: home, ORTHOSCOPE_DATA: DATA_ROOT },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr!.on('data', (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(output).toContain(`Port ${webPort} (WEB_PORT, the dashboard) is already in use`);
      expect(output).toContain('WEB_PORT=<port> npm start');
      expect(await answers(`http://127.0.0.1:${apiPort}/health`)).toBe(false);
    } finally {
      holder.close();
    }
  });
});
