// The first screen, end to end: the real engine (createApp on a temp data dir) behind the web
// host, the built renderer (out/web) in Debian's Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/api/create-app';
import { startWebHost, type WebHost } from '../../main/host/server';
import type { Store } from '../../preload/contract';
import { launchChromium, type Browser } from './chromium';
import { StoredeckPage } from './storedeck.page';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB_DIR = join(ROOT, 'out/web');
const RESULTS = join(ROOT, 'test-results');

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: kind-storedeck
    cluster: { server: 'https://127.0.0.1:1' }
users:
  - name: kind-storedeck
    user: { token: e2e }
contexts:
  - name: kind-storedeck
    context: { cluster: kind-storedeck, user: kind-storedeck }
current-context: kind-storedeck
`;

let tmp: string;
let app: Awaited<ReturnType<typeof createApp>>;
let host: WebHost;
let browser: Browser;
let page: Page;
let ui: StoredeckPage;
const pageProblems: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(WEB_DIR, 'index.html')))
    throw new Error('out/web is missing: run `npm run build:web` (npm run test:e2e does)');
  tmp = mkdtempSync(join(tmpdir(), 'storedeck-e2e-'));
  writeFileSync(join(tmp, 'kubeconfig'), KUBECONFIG);
  app = await createApp({ dataDir: join(tmp, 'data'), kubeconfigPath: join(tmp, 'kubeconfig'), mode: 'web' });
  host = await startWebHost({ handlers: app.handlers, bus: app.bus, staticDir: WEB_DIR });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      pageProblems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
  ui = new StoredeckPage(page);
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const liveStore: Store = {
  id: 'e2e-store',
  name: 'Live demo',
  slug: 'live-demo',
  namespace: 'store-live-demo',
  status: 'Provisioning',
  plan: 'woocommerce',
  context: 'kind-storedeck',
  url: 'http://live-demo.localhost',
  adminUrl: 'http://live-demo.localhost/wp-admin/',
  adminEmail: 'owner@example.com',
  errorStep: null,
  errorMessage: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  provisionedAt: null,
  updatedAt: '2026-01-01T10:00:00.000Z',
};

describe('Storedeck web UI', () => {
  it('renders the shell: header with the cluster context, empty list, Create store', async () => {
    await ui.open(host.launchUrl);
    // The token moves from the URL fragment into sessionStorage and leaves the address bar.
    expect(page.url()).toBe(`${host.url}/`);
    expect(await page.evaluate("sessionStorage.getItem('storedeck.token')")).toBe(host.token);
    await expect.poll(() => ui.contextPicker.inputValue()).toBe('kind-storedeck');
    expect(await ui.header.isVisible()).toBe(true);
    expect(await ui.emptyState.isVisible()).toBe(true);
    expect(await ui.createStoreButton.isVisible()).toBe(true);
    await ui.screenshot(join(RESULTS, 'app-shell.png'));
  });

  it('shows the contract validation error in the create dialog', async () => {
    await ui.createStore({ name: '   ', adminEmail: 'not-an-email' });
    const alert = ui.createDialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Store name is required|valid email/);
    await ui.screenshot(join(RESULTS, 'create-dialog-error.png'));
    await ui.createDialog.getByRole('button', { name: 'Cancel' }).click();
    await ui.createDialog.waitFor({ state: 'hidden' });
  });

  it('follows live store events pushed over the WebSocket', async () => {
    app.bus.emit('storeChanged', liveStore);
    const card = ui.storeCard('Live demo');
    await card.waitFor();
    expect(await card.getByLabel('Status: Provisioning').isVisible()).toBe(true);
    app.bus.emit('storeChanged', { ...liveStore, status: 'Ready', updatedAt: '2026-01-01T10:02:00.000Z' });
    await card.getByLabel('Status: Ready').waitFor();
    expect(await card.getByRole('link', { name: /Open Live demo/ }).getAttribute('href')).toBe(
      'http://live-demo.localhost',
    );
    await ui.screenshot(join(RESULTS, 'store-card.png'));
    app.bus.emit('storeRemoved', { id: liveStore.id });
    await card.waitFor({ state: 'detached' });
    await ui.emptyState.waitFor();
  });

  it('switches between light and dark themes', async () => {
    const before = await ui.theme();
    await ui.themeToggle.click();
    await expect.poll(() => ui.theme()).not.toBe(before);
    await ui.screenshot(join(RESULTS, 'app-shell-toggled-theme.png'));
  });

  it('ran without console errors or CSP violations', () => {
    expect(pageProblems).toEqual([]);
  });

  it('keeps the token in the tab across a reload, sets no cookie, and the API refuses requests without it', async () => {
    await page.reload();
    await expect.poll(() => ui.contextPicker.inputValue()).toBe('kind-storedeck');
    expect(await browser.context.cookies()).toEqual([]);
    const api = await fetch(`${host.url}/api/listStores`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    // A page without the token (a new tab: sessionStorage is per tab) is served, but cannot call.
    const stranger = await browser.context.newPage();
    await stranger.goto(`${host.url}/`);
    const status = await stranger.evaluate(async () => {
      const reply = await fetch('/api/listStores', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return reply.status;
    });
    expect(status).toBe(401);
    await stranger.close();
  });
});
