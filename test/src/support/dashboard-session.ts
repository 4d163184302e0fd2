import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startStack, type Stack } from './stack';

/** A test file's API + dashboard stack and one chromium page on it. */
export interface DashboardSession {
  stack: Stack;
  page: Page;
  /** Uncaught errors of the page's scripts, in order. */
  pageErrors: string[];
  /** Closes chromium, then stops the stack. */
  close(): Promise<void>;
}

/** Starts the stack (`startStack(name, env)`) and chromium with one page that records its errors. */
export async function openDashboard(name: string, env?: Parameters<typeof startStack>[1]): Promise<DashboardSession> {
  const stack = await startStack(name, env);
  const browser = await launchChromium().catch(async (error) => {
    await stack.stop();
    throw error;
  });
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    stack,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}
