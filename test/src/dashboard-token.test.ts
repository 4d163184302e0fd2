import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { startStack, type Stack } from './support/stack';

// HOST other than loopback: the API wants `Authorization: Bearer <token>` for mutations.
let stack: Stack;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  stack = await startStack('dashboard-token', { HOST: '0.0.0.0' });
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The CNN launch form (the launch page holds other experiments' forms too). */
const cnnForm = () => page.getByTestId('launch-form');

describe('dashboard with an API that requires a token', () => {
  it('a launch without the token is refused and says so; the token entered once is kept and used for mutations', async () => {
    const token = readFileSync(join(stack.home, 'token'), 'utf8').trim();
    await page.goto(`${stack.webUrl}/launch`);
    await cnnForm().getByLabel('Max iterations', { exact: true }).fill('1');
    await cnnForm().getByLabel('Batch size', { exact: true }).fill('16');
    await cnnForm().getByLabel('Eval limit (test images)', { exact: true }).fill('16');
    await cnnForm().getByRole('button', { name: 'Start run' }).click();
    const banner = cnnForm().locator('.banner[role="alert"]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('requires a token');
    expect((await stack.graphql('{ runs { id } }')).runs).toHaveLength(0);

    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('token set').waitFor();
    await page.reload();
    await page.getByText('token set').waitFor({ timeout: 30_000 }); // kept in localStorage
    await cnnForm().getByLabel('Max iterations', { exact: true }).fill('1');
    await cnnForm().getByLabel('Batch size', { exact: true }).fill('16');
    await cnnForm().getByLabel('Eval limit (test images)', { exact: true }).fill('16');
    await cnnForm().getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}/, { timeout: 30_000 });
    await screenshot(page, 'token-run-started');
    expect((await stack.graphql('{ runs { id } }')).runs).toHaveLength(1);
  });
});
