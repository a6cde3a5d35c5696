// A store that cannot start: with MySQL's image unpullable the card ends Failed showing the
// step and the ImagePullBackOff reason, with the fixes right on the card; Retry from the card once
// the registry is fixed reaches Ready, and the timeline shows the second attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimApp, type SimApp } from './sim-app';
import { shot, shotBothThemes } from './screenshots';

const NAME = 'Broken Shop';

let s: SimApp;

beforeAll(async () => {
  s = await startSimApp(33);
});

afterAll(async () => {
  await s?.close();
});

describe('a failing store in the dashboard', () => {
  it('ends Failed with the step and the ImagePullBackOff reason on the card and in the detail', async () => {
    const { ui, sim } = s;
    sim.setFaults({ imagePullFailPattern: '^mysql' });
    await ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
    await ui.cardStatus(NAME).filter({ hasText: 'Failed' }).waitFor({ timeout: 45_000 });

    const card = ui.storeCard(NAME);
    expect(await card.textContent()).toMatch(/Failed at MySQL start\s*wait-mysql/);
    expect(await card.textContent()).toMatch(/ImagePullBackOff/);
    const detail = ui.detail(NAME);
    await detail.failure.waitFor();
    expect(await detail.failure.textContent()).toMatch(
      /wait-mysql.*image "mysql:[^"]+" cannot be pulled, ImagePullBackOff/s,
    );
    await detail.step('wait-mysql').filter({ hasText: 'failed' }).waitFor();
    await shotBothThemes(ui, 'failure-detail');
  });

  it('the card offers the fixes itself; its Open logs opens the Logs tab on the MySQL pod', async () => {
    const { ui } = s;
    const card = ui.storeCard(NAME);
    for (const name of ['Retry', 'Retry with current settings', 'Open logs'])
      expect(await card.getByRole('button', { name, exact: true }).isEnabled()).toBe(true);
    // The detail's box has the same buttons and says that settings are frozen per store.
    const detail = ui.detail(NAME);
    expect(await detail.failure.textContent()).toMatch(/Settings are frozen per store when it is created/);
    expect(await detail.failure.getByRole('button', { name: 'Retry with current settings' }).count()).toBe(1);
    await card.getByRole('button', { name: 'Open logs', exact: true }).click();
    await detail.root.locator('[role="tab"][aria-selected="true"]', { hasText: 'Logs' }).waitFor();
    // The MySQL pod never started: the Logs tab says so about that very pod, as kubectl would.
    await detail.panel.getByText(/container "mysql" in pod "mysql-[a-z0-9-]+" is waiting to start/).waitFor();
  });

  it('Retry after the fault is cleared reaches Ready', async () => {
    const { ui, sim } = s;
    sim.setFaults({ imagePullFailPattern: null });
    const detail = ui.detail(NAME);
    await detail.openTab('Actions');
    // The Actions tab has its Retry too; this one uses the card's.
    const actionsRetry = detail.panel.getByRole('button', { name: 'Retry', exact: true });
    await actionsRetry.waitFor();
    await ui.storeCard(NAME).getByRole('button', { name: 'Retry', exact: true }).click();
    await ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 45_000 });
    await detail.failure.waitFor({ state: 'detached' });
    // The Retry section belongs to Failed stores only.
    await actionsRetry.waitFor({ state: 'detached' });
    await detail.openTab('Timeline');
    expect(await detail.step('ready').textContent()).toMatch(/completed/);
    // A new attempt, visibly: its header and why; the first attempt folded, marked failed.
    const second = detail.root.getByRole('region', { name: 'Attempt 2' });
    expect(await second.textContent()).toMatch(
      /Attempt 2.*reached Ready.*retry after MySQL start failed, with the settings frozen at create/s,
    );
    const first = detail.root.getByRole('group', { name: 'Attempt 1' });
    expect(await first.getAttribute('open')).toBeNull();
    expect(await first.locator('summary').textContent()).toMatch(/failed at MySQL start/);
    await shot(ui, 'failure-retried-timeline');
  });

  it('ran without console errors or CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
