// A user with Docker and nothing else: no kubeconfig → onboarding explains and offers a local
// cluster → "Create a local cluster" (stand-in kind/docker on PATH writing a simulator started
// as a fresh Kind cluster) → kind's progress, then Traefik's, live → the (empty) store list.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppCore } from '../../main/api/create-app';
import { startWebHost, type WebHost } from '../../main/host/server';
import { makeStandins, simCluster, type Standins } from '../../main/kube/kind/standins.fixture';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import { launchChromium, type Browser } from './chromium';
import { docShots } from './doc-shots';
import { StoredeckPage } from './storedeck.page';

const WEB_DIR = join(resolve(import.meta.dirname, '../..'), 'out/web');

let sim: KubeSim;
let standins: Standins;
let tmp: string;
let app: AppCore;
let host: WebHost;
let browser: Browser;
let page: Page;
let ui: StoredeckPage;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(WEB_DIR, 'index.html')))
    throw new Error('out/web is missing: run `npm run build:web`');
  sim = await startKubeSim({ cluster: 'kind', ingress: false, profile: 'fast', seed: 31 });
  standins = makeStandins({
    cluster: simCluster(sim),
  });
  tmp = mkdtempSync(join(tmpdir(), 'storedeck-e2e-onboarding-'));
  app = await createApp({
    dataDir: join(tmp, 'data'),
    kubeconfigPath: join(tmp, 'kube', 'config'),
    mode: 'web',
    toolEnv: standins.env,
  });
  host = await startWebHost({ handlers: app.handlers, bus: app.bus, staticDir: WEB_DIR });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  ui = new StoredeckPage(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
  await sim?.stop();
  standins?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('onboarding', () => {
  it('explains that there is no cluster and offers both ways forward', async () => {
    await ui.open(host.launchUrl);
    const section = page.getByRole('region', { name: 'Connect Storedeck to a cluster' });
    await section.waitFor();
    expect(await section.textContent()).toContain(
      `Kubeconfig file ${join(tmp, 'kube', 'config')} does not exist`,
    );
    expect(await section.getByRole('list', { name: 'What this machine has' }).textContent()).toMatch(
      /Docker 27\.3\.1 is running.*kind v0\.30\.0/s,
    );
    expect(await ui.emptyState.count()).toBe(0);
    // The way to an existing cluster is spelled out, with a button to look again without a restart.
    expect(await section.textContent()).toContain(`Put its kubeconfig at ${join(tmp, 'kube', 'config')}`);
    await section.getByRole('button', { name: 'Check again' }).click();
    await section.getByRole('button', { name: 'Check again', disabled: false }).waitFor();
    expect(await section.textContent()).toContain('does not exist');
    await docShots(ui, 'onboarding');
  });

  it('creates a local cluster with live progress, then shows the store list on its context', async () => {
    await page.getByRole('button', { name: 'Create a local cluster' }).click();
    const log = page.getByRole('list', { name: 'Local cluster progress' });
    await log.getByText('Creating cluster "storedeck" ...').waitFor();
    await log.getByText('Applying Deployment traefik/traefik').waitFor({ timeout: 30_000 });
    await ui.emptyState.waitFor({ timeout: 30_000 });
    await expect.poll(() => ui.contextPicker.inputValue()).toBe('kind-storedeck');
    expect(await ui.createStoreButton.isVisible()).toBe(true);
    expect(sim.store.get('ingressclasses.networking.k8s.io', undefined, 'traefik')).toBeDefined();
    expect(problems).toEqual([]);
  });
});
