// Live truth end to end: a store created in the UI shows Provisioning while it provisions; a
// Service deleted behind Storedeck's back turns the card Drifted and Repair brings it back; the
// cluster going away shows a banner and greys the cards without failing any store, and a cluster
// recreated with a new CA is picked up from the rewritten kubeconfig without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim } from '../kube-sim/index';
import { shot } from './screenshots';
import { startSimApp, type SimApp } from './sim-app';

const NAME = 'Live Shop';
const NAMESPACE = 'store-live-shop';

let s: SimApp;

beforeAll(async () => {
  s = await startSimApp(31, { probeIntervalMs: 500 });
});

afterAll(async () => {
  await s?.close();
});

async function statusesInDb(): Promise<string[]> {
  const listed = await s.app.handlers.listStores({});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((store) => store.status);
}

describe('live status against the simulated cluster', () => {
  it('a store created in the UI shows Provisioning while it provisions, then Ready', async () => {
    const { ui } = s;
    const statuses = await ui.recordStatuses(NAME);
    await ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
    await ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
    const seen = await statuses();
    expect(seen).toContain('Provisioning');
    expect(seen.at(-1)).toBe('Ready');
    // Once Provisioning was shown, the stale "Queued" of the create answer never came back.
    expect(seen.slice(seen.indexOf('Provisioning'))).not.toContain('Queued');
  });

  it('a Service deleted behind its back shows Drifted with the reason; Repair makes it Ready again', async () => {
    const { ui } = s;
    s.sim.store.delete('services', NAMESPACE, 'wordpress');
    await ui.cardStatus(NAME).filter({ hasText: 'Drifted' }).waitFor({ timeout: 15_000 });
    expect(await ui.storeCard(NAME).textContent()).toMatch(/Service wordpress is missing/);
    const detail = await ui.openDetails(NAME);
    await detail.liveProblem.waitFor();
    await shot(ui, 'live-drifted');
    await detail.liveProblem.getByRole('button', { name: 'Repair' }).click();
    await ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
    expect(s.sim.store.get('services', NAMESPACE, 'wordpress')).toBeTruthy();
    await detail.liveProblem.waitFor({ state: 'detached' });
  });

  it('the cluster going away shows a banner and greys the cards within 10 s; no store is Failed', async () => {
    const { ui } = s;
    const port = Number(new URL(s.sim.url).port);
    await s.sim.stop();
    await ui.clusterBanner.waitFor({ timeout: 10_000 });
    expect(await ui.clusterBanner.textContent()).toMatch(/Cluster kube-sim is not answering/);
    expect(await ui.storeCard(NAME).getAttribute('class')).toMatch(/store-card-stale/);
    const detail = await ui.openDetails(NAME);
    const del = detail.root.getByRole('button', { name: 'Delete store…' });
    expect(await del.isDisabled()).toBe(true);
    expect(await del.getAttribute('title')).toMatch(/not answering/);
    // Every other action that needs the cluster says why it waits, instead of failing with an errno.
    const showPassword = detail.root.getByRole('button', { name: 'Show password' });
    expect(await showPassword.isDisabled()).toBe(true);
    expect(await showPassword.getAttribute('title')).toMatch(/not answering: possible again once it answers/);
    await detail.openTab('Tools');
    for (const name of ['Run', 'Open database', 'Back up store']) {
      expect(await detail.panel.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    expect(await detail.panel.getByText(/not answering: backup and clone are possible again/).count()).toBe(
      1,
    );
    await detail.openTab('Actions');
    for (const name of ['Restart all', 'Repair drift', 'Reset admin password']) {
      const button = detail.panel.getByRole('button', { name });
      expect(await button.isDisabled(), name).toBe(true);
      expect(await button.getAttribute('title'), name).toMatch(/not answering: this waits until it answers/);
    }
    expect(await detail.panel.getByRole('note').textContent()).toMatch(
      /Cluster kube-sim is not answering: restarts, repair and password resets are possible again/,
    );
    await shot(ui, 'live-unreachable');
    expect(await statusesInDb()).toEqual(['Ready']);

    // Recreated: same address, a new CA and token. Only the kubeconfig file changes.
    s.sim = await startKubeSim({ profile: 'fast', seed: 32, port });
    await s.sim.writeKubeconfig(s.kubeconfigPath);
    await ui.clusterBanner.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await ui.storeCard(NAME).getAttribute('class')).not.toMatch(/store-card-stale/);
    expect(await detail.panel.getByRole('button', { name: 'Restart all' }).isDisabled()).toBe(false);
    // The new cluster is empty: the store is truthfully Drifted (its namespace is gone), not Failed.
    await ui.cardStatus(NAME).filter({ hasText: 'Drifted' }).waitFor({ timeout: 15_000 });
    expect(await statusesInDb()).toEqual(['Ready']);
    expect(s.problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  it('a store created while the cluster is down waits for it on the card and the banner, then provisions', async () => {
    const { ui } = s;
    const port = Number(new URL(s.sim.url).port);
    await s.sim.stop();
    await ui.clusterBanner.waitFor({ timeout: 10_000 });
    await ui.createStore({ name: 'Patient Shop', adminEmail: 'owner@example.com' });
    // Queued or already in its pass: either way the card says it waits for the cluster, and why.
    await ui
      .storeCard('Patient Shop')
      .getByRole('status')
      .filter({ hasText: /waiting for the cluster: nothing is listening at its address/i })
      .waitFor({ timeout: 10_000 });
    // The whole sentence is on the card, not cut after its first words.
    const waiting = ui
      .storeCard('Patient Shop')
      .getByRole('status')
      .filter({ hasText: /waiting for the cluster/i });
    expect(
      await waiting.evaluate(
        (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1,
      ),
    ).toBe(true);
    await shot(ui, 'live-create-while-unreachable');
    expect(await ui.cardStatus('Patient Shop').textContent()).toMatch(/^(Queued|Provisioning)$/);

    s.sim = await startKubeSim({ profile: 'fast', seed: 33, port });
    await s.sim.writeKubeconfig(s.kubeconfigPath);
    await ui.clusterBanner.waitFor({ state: 'detached', timeout: 15_000 });
    await ui.cardStatus('Patient Shop').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
    // Never Failed on the way (the pass's own "waiting for the cluster" note is proven in
    // test/integration/cluster-down-sim.test.ts, where the outage outlasts the client's retries).
    const listed = await s.app.handlers.listStores({});
    const id = listed.ok ? listed.value.find((store) => store.name === 'Patient Shop')?.id : undefined;
    const timeline = await s.app.handlers.listEvents({ id: id ?? 'missing' });
    const steps = timeline.ok ? timeline.value.map((e) => `${e.step}:${e.status}`) : [];
    expect(steps).toContain('ready:completed');
    expect(steps.filter((step) => step.endsWith(':failed'))).toEqual([]);
    expect(s.problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});
