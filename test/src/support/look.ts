// Ad-hoc: screenshots of dashboard pages for a human look. Usage:
//   npx tsx test/src/support/look.ts http://127.0.0.1:3000 /runs /launch ...
import { launchChromium } from './chromium';
import { screenshot } from './artifacts';

const [base, ...paths] = process.argv.slice(2);
const { context, close } = await launchChromium();
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
for (const path of paths) {
  await page.goto(base + path, { waitUntil: 'networkidle' }).catch(() => page.goto(base + path));
  await page.waitForTimeout(2500);
  const file = await screenshot(page, `look${path.replace(/[^a-z0-9]+/gi, '-')}`);
  console.log(file);
}
await close();
