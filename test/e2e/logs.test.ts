// The Logs tab as a terminal user expects, in Chromium over the web host and kube-sim: find a
// line (highlighted, "1 of N", Enter/Shift+Enter, Esc), timestamps, any line count, download to
// a file, the previous container after a crash, and the setup job's log after its Job is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-sim/types';
import { shot } from './screenshots';
import { RESULTS, startSimApp, type SimApp } from './sim-app';
import type { StoreDetailPanel } from './store-detail.page';

const NAME = 'Log Shop';
const NAMESPACE = 'store-log-shop';
const STAMPED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /;
let s: SimApp;
let detail: StoreDetailPanel;

const podsOf = (component: string): KubeObject[] =>
  s.sim.store
    .list('pods', NAMESPACE)
    .filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === component);
const restartsOf = (pod: KubeObject): number =>
  ((pod.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>)[0]?.restartCount ?? 0;
const rows = () => detail.terminal.locator('.xterm-rows > div');
const firstRow = async () => ((await rows().first().textContent()) ?? '').replace(/\u00a0/g, ' ');
const terminalText = async () =>
  ((await detail.terminal.locator('.xterm-rows').textContent()) ?? '').replace(/\u00a0/g, ' ');
const findBox = () => detail.panel.getByRole('searchbox', { name: 'Find in log' });
const matchCount = () => detail.panel.locator('.log-search-count');
const toggle = (name: string) => detail.panel.getByRole('button', { name, exact: true });

beforeAll(async () => {
  s = await startSimApp(61);
  await s.ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
  await s.ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
  detail = await s.ui.openDetails(NAME);
  await detail.openTab('Logs');
});

afterAll(async () => {
  await s?.close();
});

describe('logs like a terminal', () => {
  it('log search finds a line and highlights it; Enter moves on, Esc clears', async () => {
    await expect.poll(() => detail.logLineCount()).toBeGreaterThan(0);
    await expect.poll(terminalText).toMatch(/AH00094/);
    await findBox().fill('AH00558');
    // Apache logs the FQDN warning twice at start: two matches, the first active.
    await expect.poll(() => matchCount().textContent()).toBe('1 of 2');
    const highlighted = detail.terminal.locator('.xterm-find-result-decoration');
    await expect.poll(() => highlighted.count()).toBeGreaterThanOrEqual(2);
    // The active match has its own outline; every cell of a match its background (via CSSOM).
    const activeOutlines = () =>
      s.page.evaluate(
        `[...document.querySelectorAll('.xterm-find-result-decoration')].filter((d) => d.style.outlineColor === 'rgb(234, 88, 12)').length`,
      );
    await expect.poll(activeOutlines).toBe(1);
    const painted = detail.terminal.locator('.xterm-rows span[style*="background-color"]');
    await expect.poll(() => painted.count()).toBeGreaterThan(0);
    await shot(s.ui, 'logs-search');
    await findBox().press('Enter');
    await expect.poll(() => matchCount().textContent()).toBe('2 of 2');
    await findBox().press('Shift+Enter');
    await expect.poll(() => matchCount().textContent()).toBe('1 of 2');
    await findBox().fill('no such text anywhere');
    await expect.poll(() => matchCount().textContent()).toBe('No matches');
    await findBox().press('Escape');
    expect(await findBox().inputValue()).toBe('');
    await expect.poll(() => highlighted.count()).toBe(0);
    // Esc in the find box cleared the find and left the store's detail open.
    expect(await detail.root.isVisible()).toBe(true);
  });

  it('shows the kubelet timestamps when toggled, and takes any line count', async () => {
    expect(await firstRow()).not.toMatch(STAMPED);
    await toggle('Timestamps').click();
    await expect.poll(firstRow).toMatch(STAMPED);
    await shot(s.ui, 'logs-timestamps');
    await toggle('Timestamps').click();
    await expect.poll(firstRow).not.toMatch(STAMPED);

    const lines = detail.panel.getByRole('spinbutton', { name: 'Lines' });
    await lines.fill('0');
    await detail.panel.getByRole('alert').filter({ hasText: 'Lines: from 1 to 10000' }).waitFor();
    await lines.fill('7');
    await lines.press('Enter');
    await expect.poll(() => detail.logLineCount()).toBe(7);
    // The terminal started over and took in exactly those 7 lines (counted in xterm's callbacks).
    await expect.poll(() => detail.terminal.getAttribute('data-written-lines')).toBe('7');
  });

  it('downloads the lines shown to <slug>-<component>-<date>.log', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), toggle('Download').click()]);
    expect(download.suggestedFilename()).toMatch(/^log-shop-wordpress-\d{4}-\d\d-\d\d-\d{6}\.log$/);
    const file = join(RESULTS, download.suggestedFilename());
    await download.saveAs(file);
    const saved = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(saved).toHaveLength(7);
    expect(saved.at(-1)).toMatch(/\S/);
    expect(await terminalText()).toContain(saved.at(-1)?.slice(0, 40));
  });

  it('reads the previous container once WordPress has crashed and restarted', async () => {
    expect(await toggle('Previous container').count()).toBe(0);
    const before = podsOf('wordpress').map((p) => p.metadata.name);
    // Pods created from now on crash at start (a pod keeps the faults it was created under).
    s.sim.setFaults({ crashLoopPattern: '^wordpress:' });
    await detail.openTab('Actions');
    await detail.button('Restart WordPress').click();
    await expect
      .poll(() => podsOf('wordpress').find((p) => !before.includes(p.metadata.name) && restartsOf(p) >= 1), {
        timeout: 30_000,
      })
      .toBeDefined();
    const crashed = podsOf('wordpress').find((p) => restartsOf(p) >= 1)?.metadata.name as string;
    await detail.openTab('Logs');
    await detail.panel.getByRole('combobox', { name: 'Pod' }).selectOption(crashed);
    await toggle('Previous container').click();
    await expect.poll(terminalText).toMatch(/PHP Fatal error/);
    expect(await detail.logStatus.textContent()).toMatch(/\(previous container\)/);
    await shot(s.ui, 'logs-previous');
    s.sim.setFaults({ crashLoopPattern: null });
  });

  it("re-reads the setup job's saved log after the Job and its pods are gone", async () => {
    for (const pod of podsOf('setup')) s.sim.store.delete('pods', NAMESPACE, pod.metadata.name);
    for (const job of s.sim.store.list('jobs.batch', NAMESPACE))
      s.sim.store.delete('jobs.batch', NAMESPACE, job.metadata.name);
    await detail.openTab('Timeline');
    await detail.openTab('Logs');
    const picker = detail.panel.getByRole('combobox', { name: 'Pod' });
    const savedOption = picker.locator('option', { hasText: 'Setup job (saved' });
    await savedOption.waitFor({ state: 'attached' });
    await picker.selectOption((await savedOption.getAttribute('value')) as string);
    await expect.poll(terminalText).toMatch(/Store setup complete\./);
    expect(await detail.logStatus.textContent()).toMatch(/\(saved\)/);
    expect(await detail.followToggle.isDisabled()).toBe(true);
    await shot(s.ui, 'logs-saved-setup');
    expect(s.problems).toEqual([]);
  });
});
