import { START_RUN_MUTATION } from '@orthoscope/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { openDashboard, type DashboardSession } from './support/dashboard-session';
import type { Stack } from './support/stack';

let session: DashboardSession;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  session = await openDashboard('dashboard-reconnect');
  ({ stack, page } = session);
});

afterAll(() => session?.close());

async function chartPoints(title: string): Promise<number> {
  return Number(await page.locator(`[data-chart="${title}"]`).getAttribute('data-points'));
}

describe('dashboard across an API restart', () => {
  it('an open run page notices the restart (run INTERRUPTED), and after resume the charts stream again', async () => {
    const { startRun } = await stack.graphql(START_RUN_MUTATION, {
      input: { kind: 'CNN', dataset: 'cifar10', batchSize: 16, maxIterations: 40, evalEvery: 5, evalLimit: 32 },
    });
    await page.goto(`${stack.webUrl}/runs/${startRun.id}`);
    await expect.poll(() => chartPoints('Training accuracy'), { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(3);

    await stack.restartApi();
    // The status change happened while the socket was down: only re-reading after the reconnect shows it.
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000, interval: 500 }).toBe('interrupted');
    const before = await chartPoints('Training accuracy');
    await screenshot(page, 'reconnect-interrupted');

    await page.getByRole('button', { name: 'Resume from last checkpoint' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000 }).toMatch(/^(queued|running)$/);
    await expect.poll(() => chartPoints('Training accuracy'), { timeout: 120_000, interval: 250 }).toBeGreaterThan(before);
    await screenshot(page, 'reconnect-resumed');
  });
});
