// `npm run demo` end to end: one URL printed; the page says "simulated cluster" in its header and
// shows stores in each state the demo promises. Its screenshots (light and dark) are the README's,
// written to docs/screenshots/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './chromium';
import { startDemo, type DemoProcess } from './demo-process';
import { docShots } from './doc-shots';
import { StoredeckPage } from './storedeck.page';

let demo: DemoProcess;
let browser: Browser;
let page: Page;
let ui: StoredeckPage;
const problems: string[] = [];

beforeAll(async () => {
  demo = await startDemo(120_000);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  ui = new StoredeckPage(page);
  await ui.open(demo.urls()[0]!);
  if ((await ui.theme()) !== 'light') await ui.themeToggle.click();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('npm run demo', () => {
  it('prints exactly one URL: the web UI with its token', () => {
    expect(demo.urls()).toHaveLength(1);
    expect(demo.urls()[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
  });

  it('labels the header "simulated cluster" and shows Ready, Failed and Provisioning stores', async () => {
    await expect.poll(() => ui.header.getByText('simulated cluster').isVisible()).toBe(true);
    // The list is virtualised, so the status filter's counts speak for every store.
    for (const [status, count] of [
      ['Ready', 2],
      ['Provisioning', 1],
      ['Failed', 1],
    ] as const)
      await page
        .getByRole('group', { name: 'Filter by status' })
        .getByRole('button', { name: `${status} ${count}` })
        .waitFor();
    await ui.cardStatus('Night Market').filter({ hasText: 'Provisioning' }).waitFor();
    await docShots(ui, 'store-list');
  });

  it('a Ready store: its timeline, then its logs', async () => {
    await page.getByRole('searchbox', { name: 'Search stores' }).fill('Corner');
    await ui.cardStatus('Corner Bakery').filter({ hasText: 'Ready' }).waitFor();
    const detail = await ui.openDetails('Corner Bakery');
    await detail.openTab('Timeline');
    await detail.steps.first().waitFor();
    expect(await detail.steps.count()).toBeGreaterThan(3);
    await docShots(ui, 'store-timeline');
    await detail.openTab('Logs');
    await expect.poll(() => detail.logLineCount(), { timeout: 20_000 }).toBeGreaterThan(0);
    await docShots(ui, 'store-logs');
  });

  it('the failed store says where and why it failed', async () => {
    await page.getByRole('searchbox', { name: 'Search stores' }).fill('Broken');
    const detail = await ui.openDetails('Broken Checkout');
    await detail.failure.waitFor();
    expect(await detail.failure.textContent()).toMatch(/^Failed at/);
    await docShots(ui, 'failed-store');
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });

  it('Ctrl-C stops it cleanly', async () => {
    const ended = await demo.stop();
    expect(ended.code === 0 || ended.signal === 'SIGINT', JSON.stringify(ended)).toBe(true);
    expect(demo.output()).not.toMatch(/shutdown failed|Error/);
  });
});
