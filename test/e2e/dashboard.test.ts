// The dashboard end to end against the real engine and kube-sim: create → live timeline →
// Ready, health, logs with follow, password reveal/reset, restart, settings validation, delete
// with typed confirmation, and the audit log of it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimApp, type SimApp } from './sim-app';
import { shot, shotBothThemes } from './screenshots';
import type { StoreDetailPanel } from './store-detail.page';

const NAME = 'Corner Shop';
const NAMESPACE = 'store-corner-shop';

let s: SimApp;
let detail: StoreDetailPanel;
/** When the page asked for health (ms since epoch): auto-refresh and tab changes show here. */
const healthCalls: number[] = [];

beforeAll(async () => {
  s = await startSimApp(21);
  s.page.on('request', (request) => {
    if (request.url().endsWith('/api/getHealth')) healthCalls.push(Date.now());
  });
});

afterAll(async () => {
  await s?.close();
});

describe('dashboard against the simulated cluster', () => {
  it('the create dialog previews the slug and URL as the name is typed, and refuses a reserved name', async () => {
    const { ui } = s;
    await ui.createStoreButton.click();
    const dialog = ui.createDialog;
    const preview = dialog.locator('#store-address-preview');
    await dialog.getByLabel('Store name').fill('Café Crème');
    // kube-sim is a loopback cluster with the ingress on port 80: <slug>.localhost, no port.
    await preview.filter({ hasText: 'http://cafe-creme.localhost/' }).waitFor();
    expect(await preview.textContent()).toMatch(/namespace store-cafe-creme/);
    expect(await dialog.getByLabel('Store name').getAttribute('aria-describedby')).toBe(
      'store-address-preview',
    );
    // The plans are the engine's, by their strategies' labels (a new plan appears by itself).
    const plans = dialog.getByRole('combobox', { name: 'Plan' });
    expect(await plans.locator('option').allTextContents()).toEqual(['WooCommerce', 'MedusaJS']);
    expect(await plans.inputValue()).toBe('woocommerce');
    await dialog.getByLabel('Store name').fill('Admin');
    await preview.filter({ hasText: 'Store name "Admin" is reserved; choose another name' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Cancel forgets the name: the next open starts empty.
    await ui.createStoreButton.click();
    expect(await dialog.getByLabel('Store name').inputValue()).toBe('');
    expect(await preview.textContent()).toMatch(/comes from its name/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('creates a store from the dialog; the card goes Queued/Provisioning → Ready while the timeline fills live', async () => {
    const { ui } = s;
    await ui.page.getByRole('combobox', { name: 'Cluster context' }).waitFor();
    expect(await ui.contextPicker.inputValue()).toBe('kube-sim');
    const statuses = await ui.recordStatuses(NAME);
    await ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
    await ui.storeCard(NAME).waitFor();
    detail = ui.detail(NAME);
    await detail.root.waitFor();
    await detail.steps.first().waitFor();
    const stepsWhileProvisioning = await detail.steps.count();
    await ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
    await detail.step('ready').waitFor();

    const seen = await statuses();
    expect(seen[0]).toMatch(/^(Queued|Provisioning)$/);
    expect(seen).toContain('Provisioning');
    expect(seen.at(-1)).toBe('Ready');
    const steps = await detail.steps.count();
    expect(steps).toBeGreaterThan(stepsWhileProvisioning);
    for (const code of ['namespace', 'wait-mysql', 'wait-wordpress', 'setup'])
      expect(await detail.step(code).textContent()).toMatch(/completed.*took/);
    const cardSteps = ui.storeCard(NAME).getByRole('list', { name: `Latest steps of ${NAME}` });
    expect(await cardSteps.textContent()).toMatch(/Store is ready/);
    // Newest first, and a step that does not fit the fixed-height card is not shown at all,
    // never cut through its middle: each one lies wholly inside the list's box or wholly past it.
    expect(await cardSteps.getByRole('listitem').first().textContent()).toMatch(/^Ready/);
    const box = await cardSteps.boundingBox();
    for (const item of await cardSteps.getByRole('listitem').all()) {
      const step = await item.boundingBox();
      if (!box || !step) throw new Error('the card list and its steps have boxes');
      const inside = step.y >= box.y - 0.5 && step.y + step.height <= box.y + box.height + 0.5;
      const past = step.x >= box.x + box.width;
      expect(inside || past).toBe(true);
    }
    await shotBothThemes(ui, 'dashboard-timeline');
  });

  it('Health shows the mysql and wordpress pods Running and Ready, with an updated-at and a manual refresh', async () => {
    await detail.openTab('Health');
    for (const component of ['mysql', 'wordpress']) {
      const row = detail.podRow(component);
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Running\s*Ready/);
    }
    await detail.updatedAt.waitFor();
    const quota = detail.panel.getByRole('table', { name: 'Quota' });
    expect(await quota.textContent()).toMatch(/limits\.cpu/);
    await shotBothThemes(s.ui, 'dashboard-health');
    const refresh = detail.panel.getByRole('button', { name: 'Refresh' });
    await refresh.click();
    await detail.idleButton('Refresh').waitFor();
    expect(healthCalls).toHaveLength(2);
    // Untouched, the tab asks again 10 s after it opened.
    await expect.poll(() => healthCalls.length, { timeout: 15_000, interval: 200 }).toBe(3);
    const [opened, , auto] = healthCalls as [number, number, number];
    expect(auto - opened).toBeGreaterThan(9_000);
    expect(auto - opened).toBeLessThan(13_000);
  });

  it('Logs shows lines in the terminal; Follow appends new ones; leaving the tab stops the follow', async () => {
    await detail.openTab('Logs');
    await detail.logStatus.waitFor();
    await expect.poll(() => detail.logLineCount()).toBeGreaterThan(0);
    expect(await detail.logStatus.textContent()).toMatch(/from wordpress-/);
    expect(await detail.terminal.locator('.xterm-rows').textContent()).toMatch(/\S/);
    // xterm's own CSS went to constructed sheets, not to <style> elements the CSP would refuse.
    expect(await s.page.evaluate('document.querySelectorAll("style").length')).toBe(0);
    expect(await s.page.evaluate('document.adoptedStyleSheets.length')).toBeGreaterThan(0);

    const before = await detail.logLineCount();
    await detail.followToggle.click();
    await detail.following.waitFor();
    // The follow replays the tail, then appends what the container writes (a probe line every 10 s).
    await expect.poll(() => detail.logLineCount(), { timeout: 5_000 }).toBeGreaterThanOrEqual(before);
    const replayed = await detail.logLineCount();
    await expect
      .poll(() => detail.logLineCount(), { timeout: 25_000, interval: 250 })
      .toBeGreaterThan(replayed);
    expect(await detail.terminal.locator('.xterm-rows').textContent()).toMatch(/kube-probe/);
    await shotBothThemes(s.ui, 'dashboard-logs');

    // Health was left for Logs: its refresh stopped with it.
    expect(healthCalls).toHaveLength(3);

    const ended = s.events.length;
    await detail.openTab('Actions');
    expect(await s.page.evaluate('document.adoptedStyleSheets.length')).toBe(0);
    await expect
      .poll(() =>
        s.events.slice(ended).some((e) => e.name === 'logLines' && (e.payload as { ended: boolean }).ended),
      )
      .toBe(true);
  });

  it('reveals the admin password on demand, and a reset shows a new one once', async () => {
    expect(await detail.adminPassword.inputValue()).toBe('');
    await detail.button('Show password').click();
    await expect.poll(() => detail.adminPassword.inputValue()).not.toBe('');
    const revealed = await detail.adminPassword.inputValue();
    expect(revealed).toBe(s.secretPassword(NAMESPACE));
    await detail.button('Hide password').click();
    expect(await detail.adminPassword.inputValue()).toBe('');

    await detail.button('Reset admin password').click();
    await detail.newPassword.waitFor({ timeout: 20_000 });
    const fresh = await detail.newPassword.inputValue();
    expect(fresh).not.toBe('');
    expect(fresh).not.toBe(revealed);
    expect(fresh).toBe(s.secretPassword(NAMESPACE));
    expect(await detail.panel.getByRole('status').filter({ hasText: 'password was reset' }).count()).toBe(1);
    await shotBothThemes(s.ui, 'dashboard-actions');
    await detail.button('Done').click();
    await detail.newPassword.waitFor({ state: 'detached' });
  });

  it('restart WordPress reports success from the Result', async () => {
    await detail.button('Restart WordPress').click();
    await detail.panel
      .getByRole('status')
      .filter({ hasText: 'Restarted wordpress.' })
      .waitFor({ timeout: 20_000 });
    expect(await detail.button('Restart WordPress').getAttribute('aria-busy')).toBe('false');
  });

  it('Repair drift puts back a Service deleted behind the app’s back', async () => {
    s.sim.store.delete('services', NAMESPACE, 'wordpress');
    let stop = (): void => undefined;
    const restored = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Service was not restored within 20 s')), 20_000);
      stop = s.sim.store.subscribe((e) => {
        const { name, namespace } = e.object.metadata;
        if (e.type === 'ADDED' && e.key === 'services' && namespace === NAMESPACE && name === 'wordpress') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    try {
      await detail.button('Repair drift').click();
      await detail.panel
        .getByRole('status')
        .filter({ hasText: 'Checking the store against the cluster' })
        .waitFor({ timeout: 20_000 });
      await restored;
    } finally {
      stop();
    }
  });

  it('Settings shows the validation error main returns, next to its field, and saves nothing', async () => {
    const { ui } = s;
    const dialog = ui.settingsDialog;
    const concurrency = dialog.getByLabel('Provisions at once');
    // Twice, once per theme: the modal dialog covers the theme toggle.
    for (const pass of [1, 2]) {
      await ui.settingsButton.click();
      await dialog.waitFor();
      await expect.poll(() => concurrency.inputValue()).toBe('3');
      await concurrency.fill('0');
      await dialog.getByRole('button', { name: 'Save' }).click();
      const error = dialog.getByRole('alert');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/Concurrent provisions must be at least 1/);
      expect(await concurrency.getAttribute('aria-invalid')).toBe('true');
      await shot(ui, `dashboard-settings-error-${await ui.theme()}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      if (pass === 1) await ui.themeToggle.click();
    }
    await ui.themeToggle.click();
    const saved = await s.app.handlers.getSettings({});
    expect(saved.ok && saved.value.concurrency).toBe(3);
  });

  it('Settings checks each field as it is left, in plain words, and Cancel puts every edit back', async () => {
    const { ui } = s;
    const dialog = ui.settingsDialog;
    await ui.settingsButton.click();
    await dialog.waitFor();
    const baseDomain = dialog.getByLabel('Base domain');
    const port = dialog.getByLabel('Ingress HTTP port');
    await expect.poll(() => dialog.getByLabel('Provisions at once').inputValue()).toBe('3');
    await baseDomain.fill('https://shops.example.com');
    await port.fill('70000');
    await dialog.getByLabel('Provisions at once').fill('7');
    await dialog.getByLabel('Provisions at once').blur();
    // Both wrong fields say so next to themselves, before anything is sent.
    await dialog.getByText('Base domain must be a DNS name such as stores.example.com').waitFor();
    await dialog.getByText('Ingress HTTP port must be at most 65535').waitFor();
    expect(await baseDomain.getAttribute('aria-invalid')).toBe('true');
    expect(await port.getAttribute('aria-invalid')).toBe('true');
    // Fixing a field clears its message as it is typed.
    await port.fill('8080');
    await dialog.getByText('Ingress HTTP port must be at most 65535').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await ui.settingsButton.click();
    await dialog.waitFor();
    expect(await baseDomain.inputValue()).toBe('');
    expect(await port.inputValue()).toBe('');
    expect(await dialog.getByLabel('Provisions at once').inputValue()).toBe('3');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    // The checkbox sits before its sentence, which gets the row's width (not the 8rem value column).
    const check = await dialog.getByRole('checkbox', { name: /Verify checkout before Ready/ }).boundingBox();
    const label = await dialog.locator('label[for="settings-verify-checkout"]').boundingBox();
    expect(check && label && check.x < label.x).toBe(true);
    expect(label && label.width).toBeGreaterThan(300);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = await s.app.handlers.getSettings({});
    expect(saved.ok && [saved.value.concurrency, saved.value.baseDomain]).toEqual([3, null]);
  });

  it('Cluster shows the preflight checks', async () => {
    await s.ui.show('Cluster');
    await s.ui.preflightChecks.first().waitFor({ timeout: 20_000 });
    expect(await s.ui.preflightChecks.count()).toBeGreaterThan(2);
    expect(
      await s.page
        .getByRole('status')
        .filter({ hasText: /Ready for stores|Not ready/ })
        .count(),
    ).toBe(1);
    await shotBothThemes(s.ui, 'dashboard-cluster');
    await s.ui.show('Stores');
  });

  it('delete asks for the typed store name, then the card goes away', async () => {
    const { ui } = s;
    detail = await ui.openDetails(NAME);
    await detail.confirmDelete('Corner');
    const confirm = detail.deleteDialog.getByRole('button', { name: 'Delete store' });
    expect(await confirm.isDisabled()).toBe(true);
    await detail.deleteDialog.getByLabel(/to confirm/).fill(NAME);
    expect(await confirm.isDisabled()).toBe(false);
    await shot(ui, 'dashboard-delete-dialog');
    await confirm.click();
    await ui.storeCard(NAME).waitFor({ state: 'detached', timeout: 30_000 });
    await ui.emptyState.waitFor();
    expect(s.sim.store.get('namespaces', undefined, NAMESPACE)).toBeUndefined();
  });

  it('the audit view lists create, reset-password, restart and delete', async () => {
    const { ui } = s;
    await ui.show('Audit log');
    await ui.auditTable.waitFor();
    for (const action of ['create', 'reveal-password', 'reset-password', 'restart', 'delete'])
      await ui.auditRows(NAME, action).first().waitFor();
    expect(await ui.auditRows(NAME, 'restart').first().textContent()).toMatch(/component=wordpress/);
    await shotBothThemes(ui, 'dashboard-audit');
  });

  it('ran without console errors or CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
