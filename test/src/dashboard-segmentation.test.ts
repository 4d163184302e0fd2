import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { openDashboard, type DashboardSession } from './support/dashboard-session';
import type { Stack } from './support/stack';

let session: DashboardSession;
let stack: Stack;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  session = await openDashboard('dashboard-segmentation');
  ({ stack, page, pageErrors } = session);
});

afterAll(() => session?.close());

const form = () => page.getByTestId('segmentation-launch-form');

describe('segmentation in the dashboard (chromium)', () => {
  it('launch one tiny penalty run on isbi2012-membrane from the form: its run page shows the segmentation charts and predicted masks', async () => {
    await page.goto(`${stack.webUrl}/launch`);
    await form().getByLabel('One run').check();
    await form().getByLabel('Data set', { exact: true }).selectOption('isbi2012-membrane');
    await form().getByLabel('Mode', { exact: true }).selectOption('PENALTY');
    for (const [field, value] of [['λ (orthogonality weight)', '1'], ['Image size (px)', '32'], ['Batch', '2'], ['Base channels', '4'], ['Max iterations', '4'], ['Validate every (iterations)', '2'], ['Validation images', '2']]) {
      await form().getByLabel(field, { exact: true }).fill(value);
    }
    await form().getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 180_000, interval: 500 }).toBe('succeeded');
    for (const title of ['Training cross-entropy', 'Validation mean IoU', 'Orthogonality loss']) {
      await expect.poll(async () => Number(await page.locator(`[data-chart="${title}"]`).getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-chart="Training accuracy"]').count()).toBe(0);
    expect(await page.getByText('Val mean IoU / pixel acc / CE').count()).toBe(1);

    const previews = page.getByTestId('segmentation-previews');
    await expect.poll(() => previews.getByTestId('predicted-mask').count(), { timeout: 30_000, interval: 500 }).toBe(2);
    expect(await previews.getByText('Iteration 4').count()).toBe(1);
    const src = await previews.getByTestId('predicted-mask').first().getAttribute('src');
    expect(src?.startsWith('data:image/png;base64,')).toBe(true);
    // The browser decoded it: a 32 px mask.
    await expect.poll(() => previews.getByTestId('predicted-mask').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(32);
    await screenshot(page, 'segmentation-run-page');
    expect(pageErrors).toEqual([]);
  });
});
