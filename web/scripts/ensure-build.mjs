// Builds the dashboard when there is no production build or a source file is newer than it, so the
// main command serves `next start` (fast pages) without rebuilding on every start.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['app', 'components', 'hooks', 'lib', 'next.config.ts', 'package.json', 'tsconfig.json', '../shared/src'];

/** Newest modification time (ms) under the dashboard's sources, tests excluded. */
export function newestSourceMtime(dir = webDir) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && name !== '.next') visit(join(path, name));
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const s of SOURCES) visit(join(dir, s));
  return newest;
}

/** True when `.next/BUILD_ID` is missing or older than a source file. */
export function buildIsStale(dir = webDir) {
  const id = join(dir, '.next', 'BUILD_ID');
  return !existsSync(id) || statSync(id).mtimeMs < newestSourceMtime(dir);
}

/**
 * Runs `next build` in web/ when the build is stale. Resolves when the build is usable; rejects
 * with the exit code when it fails. `log` receives progress lines (default console.log).
 */
export async function ensureWebBuild({ log = console.log, force = false } = {}) {
  if (!force && !buildIsStale()) return { built: false, ms: 0 };
  // Several processes (npm start, test files) may want a build at once: one builds, the others
  // wait for it and then find the build fresh.
  const release = await acquireBuildLock(log);
  try {
    if (!force && !buildIsStale()) return { built: false, ms: 0 };
    log('Building the dashboard (next build; once per source change)…');
    const started = Date.now();
    const nextBin = join(webDir, '..', 'node_modules', 'next', 'dist', 'bin', 'next');
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [nextBin, 'build'], {
        cwd: webDir,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
    });
    const ms = Date.now() - started;
    log(`Dashboard built in ${(ms / 1000).toFixed(0)} s.`);
    return { built: true, ms };
  } finally {
    release();
  }
}

const LOCK = join(webDir, '.next-build.lock');

/** Takes web/.next-build.lock (holding our pid); waits while a live process holds it. */
async function acquireBuildLock(log, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(LOCK, 'utf8').trim());
    if (!holderAlive(holder)) {
      rmSync(LOCK, { force: true }); // left by a killed build
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${LOCK}: process ${holder} has been building for too long`);
    if (!told) log(`Waiting for the dashboard build of process ${holder}…`);
    told = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function holderAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Absolute path of the web workspace. */
export const WEB_DIR = webDir;
