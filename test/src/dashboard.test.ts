import { START_RUN_MUTATION } from '@orthoscope/shared';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { openDashboard, type DashboardSession } from './support/dashboard-session';
import type { Stack } from './support/stack';

// Tiny real runs on ../shared/data (wasm backend, 2 cores): batch 16, a few dozen iterations.
const SMALL = { kind: 'CNN', dataset: 'cifar10', batchSize: 16, evalEvery: 5, evalLimit: 64 };

let session: DashboardSession;
let stack: Stack;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  session = await openDashboard('dashboard');
  ({ stack, page, pageErrors } = session);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await screenshot(page, `failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
});

afterAll(() => session?.close());

/** Points drawn per line (run) in the chart titled `title`, in legend order. */
async function linePoints(title: string): Promise<number[]> {
  const attr = await page.locator(`[data-chart="${title}"]`).getAttribute('data-line-points');
  return attr ? attr.split(',').map(Number) : [];
}

/** Points currently drawn in the chart titled `title` (the chart's data-points attribute). */
async function chartPoints(title: string): Promise<number> {
  return Number(await page.locator(`[data-chart="${title}"]`).getAttribute('data-points'));
}

async function startSmallRun(input: Record<string, unknown>): Promise<string> {
  const data = await stack.graphql(START_RUN_MUTATION, { input: { ...SMALL, ...input } });
  return data.startRun.id as string;
}

/** The CNN launch form (the launch page holds other experiments' forms too). */
const cnnForm = () => page.getByTestId('launch-form');

describe('dashboard in chromium', () => {
  it('launch form: a server validation error appears beside the field it names, nothing starts', async () => {
    await page.goto(`${stack.webUrl}/launch`);
    await cnnForm().getByLabel('Learning rate (Adam)', { exact: true }).fill('-1');
    await cnnForm().getByRole('button', { name: 'Start run' }).click();
    const error = page.locator('[data-error-for="learningRate"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('-1');
    await screenshot(page, 'launch-validation-error');
    const { runs } = await stack.graphql('{ runs { id } }');
    expect(runs).toHaveLength(0);
  });

  it('launch a run from the form: the run page shows points streaming into the charts', async () => {
    await page.goto(`${stack.webUrl}/launch`);
    await cnnForm().getByLabel('Name', { exact: true }).fill('e2e form run');
    await cnnForm().getByLabel('Batch size', { exact: true }).fill('16');
    await cnnForm().getByLabel('Max iterations', { exact: true }).fill('24');
    await cnnForm().getByLabel('Evaluate every (iterations)', { exact: true }).fill('5');
    await cnnForm().getByLabel('Eval limit (test images)', { exact: true }).fill('64');
    await cnnForm().getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}/, { timeout: 30_000 });
    await page.locator('[data-chart="Training accuracy"]').waitFor();
    // Points arrive while we watch: the drawn count grows at least twice.
    await expect.poll(() => chartPoints('Training accuracy'), { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    const first = await chartPoints('Training accuracy');
    await expect.poll(() => chartPoints('Training accuracy'), { timeout: 120_000, interval: 250 }).toBeGreaterThan(first);
    // Latency: from a point's measurement time (run process clock) to the chart showing it (browser
    // clock; same machine). Observed on the next three new points.
    const lags = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const el = document.querySelector('[data-chart="Training accuracy"]')!;
          const lags: number[] = [];
          new MutationObserver(() => {
            const t = Number(el.getAttribute('data-last-time'));
            if (t) lags.push(Date.now() - t);
            if (lags.length === 3) resolve(lags);
          }).observe(el, { attributes: true, attributeFilter: ['data-last-time'] });
          setTimeout(() => resolve(lags), 60_000);
        }),
    );
    console.log(`measured → drawn latency of live points (ms): ${lags.map((l) => l.toFixed(0)).join(', ')}`);
    expect(lags.length).toBeGreaterThan(0);
    expect(Math.max(...lags)).toBeLessThan(3000);
    await screenshot(page, 'run-page-streaming');
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 180_000, interval: 500 }).toBe('succeeded');
    expect(await chartPoints('Training accuracy')).toBe(24);
    expect(await chartPoints('Validation accuracy')).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('backend').textContent()).toContain('wasm');
    await screenshot(page, 'run-page-finished');
    // Full-resolution export through the dashboard's own origin.
    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await (await page.request.get(`${stack.webUrl}${csvHref}`)).text();
    expect(csv.split('\n').filter((l) => l.startsWith('TRAIN,accuracy,'))).toHaveLength(24);
    const json = await (await page.request.get(`${stack.webUrl}${await page.getByRole('link', { name: 'Export JSON' }).getAttribute('href')}`)).json();
    expect(JSON.stringify(json)).toContain('accuracy');
  });

  it('compare: select two runs on the runs page, six overlaid charts, selection in the URL', async () => {
    const second = await startSmallRun({ name: 'e2e penalty', mode: 'PENALTY', orthoWeight: 1, maxIterations: 20 });
    await page.goto(`${stack.webUrl}/runs`);
    const rows = page.locator('[data-testid="runs-table"] tbody tr[data-run-id]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('link', { name: /Compare selected \(2\)/ }).click();
    await page.waitForURL(/\/compare\?runs=/);
    const ids = new URL(page.url()).searchParams.get('runs')!.split(',');
    expect(ids).toHaveLength(2);
    expect(ids).toContain(second);
    await expect.poll(() => page.locator('.legend > span').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('[data-chart]').count()).toBe(6);
    await expect.poll(() => page.locator('.legend').textContent(), { timeout: 30_000 }).toContain('λ=1');
    // The finished run is drawn in full; the second one is live and grows while we watch.
    const secondLine = ids.indexOf(second);
    await expect.poll(async () => (await linePoints('Training cross-entropy'))[1 - secondLine], { timeout: 60_000 }).toBe(24);
    await expect.poll(async () => (await linePoints('Training cross-entropy'))[secondLine], { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(1);
    const seen = (await linePoints('Training cross-entropy'))[secondLine];
    await expect.poll(async () => (await linePoints('Training cross-entropy'))[secondLine], { timeout: 120_000, interval: 250 }).toBeGreaterThan(seen);
    // Zoom: dragging across a chart asks the server for the window's own buckets (fromIteration/toIteration).
    const over = page.locator('[data-chart="Training cross-entropy"] .u-over');
    const box = (await over.boundingBox())!;
    const finished = ids[1 - secondLine];
    const zoomed = page.waitForResponse((r) => {
      const body = r.request().postData() ?? '';
      return r.url().endsWith('/api/graphql') && /"fromIteration":\d+/.test(body) && body.includes(`"id":"${finished}"`);
    });
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    const zoomResponse = await zoomed;
    const { variables } = JSON.parse(zoomResponse.request().postData()!) as { variables: { fromIteration: number; toIteration: number; maxPoints: number } };
    expect(variables.fromIteration).toBeGreaterThan(1);
    expect(variables.toIteration).toBeGreaterThan(variables.fromIteration);
    expect(variables.maxPoints).toBe(1000);
    const zoomBody = (await zoomResponse.json()) as { data: { run: { metrics: { points: { iteration: number }[] }[] } } };
    const zoomIterations = zoomBody.data.run.metrics.flatMap((m) => m.points.map((p) => p.iteration));
    expect(zoomIterations.length).toBeGreaterThan(0); // the finished run has all 24 iterations
    for (const it of zoomIterations) expect(it >= variables.fromIteration && it <= variables.toIteration).toBe(true);
    await screenshot(page, 'compare-zoomed');
    await over.dblclick();
    await page.getByLabel('x axis', { exact: true }).selectOption('time');
    await page.waitForURL(/x=time/);
    await expect.poll(() => page.locator('[data-chart="Training accuracy"]').getAttribute('data-x-axis'), { timeout: 10_000 }).toBe('wall time (s)');
    await page.getByLabel('Log scale', { exact: true }).check();
    await page.waitForURL(/log=1/);
    await screenshot(page, 'compare-two-runs');
  });

  it('a run made to diverge (learning rate 10) raises an alert: toast linked to run and iteration, and in the list', async () => {
    await page.goto(`${stack.webUrl}/runs`);
    const id = await startSmallRun({ name: 'e2e diverge', learningRate: 10, maxIterations: 60, alertRules: { autoStop: true } });
    const toast = page.locator('.toast').first();
    await toast.waitFor({ timeout: 240_000 });
    const link = toast.getByRole('link');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/runs/${id}\\?iteration=\\d+$`));
    await screenshot(page, 'alert-toast');
    await link.click();
    await page.waitForURL(new RegExp(`/runs/${id}`));
    await page.locator('[data-testid="alerts-table"] tbody tr').first().waitFor({ timeout: 30_000 });
    // The alert's iteration is marked on the charts.
    const iteration = new URL(page.url()).searchParams.get('iteration');
    expect(await page.locator('[data-chart="Training cross-entropy"]').getAttribute('data-mark-x')).toBe(iteration);
    await expect.poll(() => chartPoints('Training cross-entropy'), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'alert-run-page');
    // autoStop made it DIVERGED; resume continues it from its last checkpoint, stop stops it again.
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000 }).toBe('diverged');
    // With no checkpoint saved before it diverged, the button says it starts over instead.
    await page.getByRole('button', { name: /^(Resume from last checkpoint|Restart from iteration 0)$/ }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000 }).toMatch(/^(queued|running)$/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 120_000 }).toMatch(/^(stopped|diverged)$/);
    await page.goto(`${stack.webUrl}/alerts`);
    await expect.poll(() => page.locator('[data-testid="alerts-table"] tbody tr').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'alerts-list');
    expect(pageErrors).toEqual([]);
  });

  it('experiment #2 in one click: six runs (λ = 0, 0.1, 1, 10, 100, Householder) fill the compare charts live', async () => {
    await page.goto(`${stack.webUrl}/launch`);
    await cnnForm().getByLabel('Batch size', { exact: true }).fill('16');
    await cnnForm().getByLabel('Max iterations', { exact: true }).fill('4');
    await cnnForm().getByLabel('Evaluate every (iterations)', { exact: true }).fill('2');
    await cnnForm().getByLabel('Eval limit (test images)', { exact: true }).fill('32');
    await cnnForm().getByRole('button', { name: /Start experiment #2/ }).click();
    await page.waitForURL(/\/compare\?runs=/, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('runs')!.split(',')).toHaveLength(6);
    const legend = page.locator('.legend');
    for (const label of ['baseline λ=0', 'λ=0.1', 'λ=1 ', 'λ=10 ', 'λ=100', 'Householder']) {
      await expect.poll(() => legend.textContent(), { timeout: 30_000 }).toContain(label);
    }
    await expect
      .poll(async () => (await linePoints('Training cross-entropy')).filter((n) => n > 0).length, { timeout: 240_000, interval: 500 })
      .toBe(6);
    await screenshot(page, 'experiment-2-compare');
  });

  it('runs table: filter by sweep, delete a run (after confirming)', async () => {
    await page.goto(`${stack.webUrl}/runs`);
    const rows = page.locator('[data-testid="runs-table"] tbody tr[data-run-id]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(9);
    const sweepOption = page.getByLabel('Sweep', { exact: true }).locator('option').nth(1);
    await page.getByLabel('Sweep', { exact: true }).selectOption((await sweepOption.getAttribute('value'))!);
    await page.waitForURL(/sweep=/);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(6);
    await page.goto(`${stack.webUrl}/runs`);
    const formRun = rows.filter({ hasText: 'e2e form run' });
    const id = (await formRun.getAttribute('data-run-id'))!;
    page.once('dialog', (d) => void d.accept());
    await formRun.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(8);
    expect((await stack.graphql('query($id: ID!) { run(id: $id) { id } }', { id })).run).toBeNull();
  });
});
