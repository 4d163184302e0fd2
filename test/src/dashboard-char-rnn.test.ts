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
  session = await openDashboard('dashboard-char-rnn');
  ({ stack, page, pageErrors } = session);
});

afterAll(() => session?.close());

const form = () => page.getByTestId('char-rnn-launch-form');

describe('char-LSTM in the dashboard (chromium)', () => {
  it('launch one tiny char-LSTM run on nietzsche from the form: its run page shows the SPEC §4 charts, then samples text', async () => {
    await page.goto(`${stack.webUrl}/launch`);
    await form().getByLabel('One run').check();
    await form().getByLabel('Text', { exact: true }).selectOption('nietzsche');
    for (const [field, value] of [['Hidden size', '16'], ['Embedding size', '8'], ['Streams (batch)', '8'], ['Max iterations', '6'], ['Validate every (iterations)', '3'], ['Validation steps', '2'], ['Orthonormality weight', '0.001']]) {
      await form().getByLabel(field, { exact: true }).fill(value);
    }
    await form().getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 180_000, interval: 500 }).toBe('succeeded');
    for (const title of ['Training cross-entropy', 'Orthonormality loss', 'Validation bits per character']) {
      await expect.poll(async () => Number(await page.locator(`[data-chart="${title}"]`).getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-chart="Training accuracy"]').count()).toBe(0);
    expect(await page.getByText('Val CE / bits per char').count()).toBe(1);

    const panel = page.getByTestId('sample-text');
    await panel.getByLabel('Length (characters, seed included)', { exact: true }).fill('60');
    await panel.getByLabel('Random seed', { exact: true }).fill('3');
    await panel.getByRole('button', { name: 'Sample text' }).click();
    const text = page.getByTestId('sampled-text');
    await text.waitFor({ timeout: 90_000 });
    const sampled = (await text.textContent()) ?? '';
    expect(sampled.startsWith('ethics is a basic foundation of all that')).toBe(true);
    expect([...sampled].length).toBe(60);
    await screenshot(page, 'char-rnn-run-page');
    expect(pageErrors).toEqual([]);
  });
});
