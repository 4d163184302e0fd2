#!/usr/bin/env node
// `npm start`: the API (PORT, default 4000) and the dashboard (WEB_PORT, default 3000) together.
// Builds the dashboard first when its build is missing or stale, prints the dashboard URL,
// forwards SIGINT/SIGTERM to both, and exits as soon as either of them exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureWebBuild, WEB_DIR } from '../web/scripts/ensure-build.mjs';

const root = join(WEB_DIR, '..');
const apiPort = process.env.PORT || '4000';
const webPort = process.env.WEB_PORT || '3000';
const apiHost = process.env.HOST || '127.0.0.1';
const webHost = process.env.WEB_HOST || (apiHost === '0.0.0.0' || apiHost === '::' ? apiHost : '127.0.0.1');
const dev = process.argv.includes('--dev');
for (const [name, value] of [['PORT', apiPort], ['WEB_PORT', webPort]]) {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    console.error(`${name}=${JSON.stringify(value)}: expected a port number (0–65535)`);
    process.exit(2);
  }
}
if (apiPort !== '0' && apiPort === webPort) {
  console.error(`PORT and WEB_PORT are both ${apiPort}: the API and the dashboard need a port each (e.g. WEB_PORT=${Number(apiPort) + 1}).`);
  process.exit(2);
}
// A busy port would otherwise show up as an EADDRINUSE stack trace from deep inside the API or Next.
for (const [name, value, host, other] of [['PORT', apiPort, apiHost, 'the API'], ['WEB_PORT', webPort, webHost, 'the dashboard']]) {
  const problem = await portProblem(host, Number(value));
  if (problem) {
    console.error(
      problem === 'EADDRINUSE'
        ? `Port ${value} (${name}, ${other}) is already in use on ${host} — another Orthoscope or server is running there. Stop it, or choose a free port: ${name}=<port> npm start`
        : `Cannot listen on ${host}:${value} (${name}, ${other}): ${problem}. Set ${name}${name === 'PORT' ? ' / HOST' : ' / WEB_HOST'} to a port/address you may use.`,
    );
    process.exit(2);
  }
}

/** Null when `port` on `host` can be listened on right now, else the error code (EADDRINUSE, EACCES, …). */
function portProblem(host, port) {
  if (port === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code ?? error.message));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

// The dashboard's server reaches the API on loopback when it listens on every interface.
const upstreamHost = apiHost === '0.0.0.0' || apiHost === '::' ? '127.0.0.1' : apiHost;
const apiUrl = process.env.ORTHOSCOPE_API_URL || `http://${upstreamHost.includes(':') ? `[${upstreamHost}]` : upstreamHost}:${apiPort}/graphql`;

const children = new Set();
let stopping = false;

function run(name, command, args, options) {
  const child = spawn(command, args, { stdio: 'inherit', detached: true, ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
      shutdown(code ?? 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function shutdown(code = 0, signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children) {
    try {
      process.kill(-child.pid, signal); // the whole group: npm → tsx → node, next → workers
    } catch {
      /* already gone */
    }
  }
  if (children.size === 0) process.exit(code);
  setTimeout(() => {
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    process.exit(code);
  }, 10_000).unref();
}

process.on('SIGINT', () => shutdown(130, 'SIGINT'));
process.on('SIGTERM', () => shutdown(143, 'SIGTERM'));

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
run('API', 'npm', ['run', 'start', '-w', 'server'], { cwd: root, env: { ...env, PORT: apiPort, HOST: apiHost } });

if (!dev) {
  try {
    await ensureWebBuild();
  } catch (error) {
    console.error(error.message);
    shutdown(1);
  }
}
if (!stopping) {
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const webEnv = { ...env, ORTHOSCOPE_API_URL: apiUrl };
  delete webEnv.PORT; // PORT is the API's
  run('dashboard', process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', webPort, '-H', webHost], { cwd: WEB_DIR, env: webEnv });
  const shownHost = webHost === '0.0.0.0' || webHost === '::' ? 'localhost' : webHost;
  const url = `http://${shownHost}:${webPort}`;
  await waitForHttp(`${url}/api/graphql`, 120_000);
  // Print the URL once both answer: the API may take longer to start than a cached dashboard.
  await waitForHttp(apiUrl.replace(/\/graphql$/, '/health'), 120_000);
  if (!stopping) console.log(`\n  Orthoscope dashboard: ${url}\n  API: ${apiUrl}\n`);
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!stopping && Date.now() < deadline) {
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
