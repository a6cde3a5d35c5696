// Backup, clone and restore in the browser against the simulator: the Tools tab's "Back up
// store" writes an archive (its path shown), "Clone store" makes a Ready copy, the list header's
// "Restore from backup" takes the archive as a file upload and makes a Ready store from it, and
// without the pods/exec right the buttons are disabled and say why.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimApp, type SimApp } from './sim-app';
import type { StoreDetailPanel } from './store-detail.page';

const NAME = 'Backup Shop';
let s: SimApp;
let detail: StoreDetailPanel;
let archive = '';

beforeAll(async () => {
  s = await startSimApp(47);
  await s.ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
  detail = s.ui.detail(NAME);
  await s.ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await s?.close();
});

describe('backup, clone and restore', () => {
  it('backs the store up to an archive and shows where it went', async () => {
    await detail.openTab('Tools');
    const button = detail.panel.getByRole('button', { name: 'Back up store' });
    await expect(button.isEnabled()).resolves.toBe(true);
    await button.click();
    const done = detail.panel.getByRole('status').filter({ hasText: 'Backup finished: saved to ' });
    await done.waitFor({ timeout: 60_000 });
    archive = ((await done.textContent()) ?? '').replace(/^.*saved to /, '').trim();
    expect(archive).toMatch(/backup-shop-.*\.storedeck\.tar\.gz$/);
    expect(existsSync(archive)).toBe(true);
  });

  it('clones the store under the name given', async () => {
    await detail.panel.getByLabel('Name of the copy').fill('Backup Twin');
    await detail.panel.getByRole('button', { name: 'Clone store' }).click();
    await detail.panel.getByRole('status').filter({ hasText: 'Clone finished' }).waitFor({ timeout: 60_000 });
    await s.ui.cardStatus('Backup Twin').filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
  });

  it('restores the archive, uploaded from the list header, as a new Ready store', async () => {
    await s.page.getByRole('button', { name: 'Restore from backup' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByLabel('Backup archive').setInputFiles(archive);
    await dialog.getByLabel('Name of the new store').fill('Backup Copy');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Restore finished' }).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await s.ui.cardStatus('Backup Copy').filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
  });

  it('disables backup and clone, saying which right is missing, without pods/exec', async () => {
    s.sim.setAccessDenied([{ resource: 'pods', subresource: 'exec', verb: 'create' }]);
    const twin = await s.ui.openDetails('Backup Twin');
    await twin.openTab('Tools');
    const reason = twin.panel.getByText(/may not create pods\/exec in store-backup-twin/);
    await reason.waitFor();
    await expect(twin.panel.getByRole('button', { name: 'Back up store' }).isDisabled()).resolves.toBe(true);
    await expect(twin.panel.getByRole('button', { name: 'Clone store' }).isDisabled()).resolves.toBe(true);
    s.sim.setAccessDenied([]);
  });
});
