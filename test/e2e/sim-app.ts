// The whole product for a browser test: kube-sim (fast profile) as the cluster, the REAL
// createApp on a temp data dir behind the web host, the built renderer in Debian's Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createApp, type AppCore } from '../../main/api/create-app';
import { startWebHost, type WebHost } from '../../main/host/server';
import type { EventName, EventOf } from '../../preload/contract';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import { launchChromium, type Browser } from './chromium';
import { StoredeckPage } from './storedeck.page';

const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIR = join(ROOT, 'out/web');
export const RESULTS = join(ROOT, 'test-results');

export type SimApp = {
  sim: KubeSim;
  app: AppCore;
  host: WebHost;
  browser: Browser;
  page: Page;
  ui: StoredeckPage;
  /** Console errors/warnings and page errors (CSP violations are console errors). */
  problems: string[];
  /** Every event the service layer emitted, in order. */
  events: Array<{ name: EventName; payload: EventOf<EventName> }>;
  /** Where the app reads its kubeconfig (rewrite it to point the running app elsewhere). */
  kubeconfigPath: string;
  /** Reads the admin password straight from the store's Secret in the simulated cluster. */
  secretPassword(namespace: string): string;
  close(): Promise<void>;
};

export type SimAppOptions = {
  /** How often the app asks whether the cluster answers (default: the app's own). */
  probeIntervalMs?: number;
  /** Fills the data dir before the app opens it (e.g. 500 stores). */
  seed?: (dataDir: string) => void;
};

export async function startSimApp(seed: number, options: SimAppOptions = {}): Promise<SimApp> {
  if (!existsSync(join(WEB_DIR, 'index.html')))
    throw new Error('out/web is missing: run `npm run build:web` (npm run test:e2e does)');
  mkdirSync(RESULTS, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'storedeck-e2e-sim-'));
  const sim = await startKubeSim({ profile: 'fast', seed });
  await sim.writeKubeconfig(join(tmp, 'kubeconfig'));
  options.seed?.(join(tmp, 'data'));
  const app = await createApp({
    dataDir: join(tmp, 'data'),
    kubeconfigPath: join(tmp, 'kubeconfig'),
    context: 'kube-sim',
    mode: 'web',
    timing: { probeIntervalMs: options.probeIntervalMs },
  });
  const events: SimApp['events'] = [];
  const unsubscribe = app.bus.subscribe((name, payload) => events.push({ name, payload }));
  const host = await startWebHost({ handlers: app.handlers, bus: app.bus, staticDir: WEB_DIR });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const ui = new StoredeckPage(page);
  await ui.open(host.launchUrl);

  const simApp: SimApp = {
    sim,
    app,
    kubeconfigPath: join(tmp, 'kubeconfig'),
    host,
    browser,
    page,
    ui,
    problems,
    events,
    secretPassword(namespace) {
      const data = (simApp.sim.store.get('secrets', namespace, 'wordpress-secrets')?.data ?? {}) as Record<
        string,
        string
      >;
      return Buffer.from(String(data['admin-password'] ?? ''), 'base64').toString('utf8');
    },
    async close() {
      unsubscribe();
      await browser.close();
      await host.close();
      await app.close();
      // A test may have swapped the cluster (a recreated one): stop the one in place now.
      await simApp.sim.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return simApp;
}
