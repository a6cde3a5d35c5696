// A store that cannot start: with MySQL's image unpullable the card ends Failed showing the
// step and the ImagePullBackOff reason; Retry once the registry is fixed reaches Ready.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimApp, type SimApp } from './sim-app';
import { shotBothThemes } from './screenshots';

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

  it('Retry after the fault is cleared reaches Ready', async () => {
    const { ui, sim } = s;
    sim.setFaults({ imagePullFailPattern: null });
    const detail = ui.detail(NAME);
    await detail.openTab('Actions');
    // The Actions tab's Retry (the failure box above the tabs has its own, tested below).
    const retry = detail.panel.getByRole('button', { name: 'Retry', exact: true });
    await retry.click();
    await detail.panel.getByRole('status').filter({ hasText: 'Retrying' }).waitFor();
    await ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 45_000 });
    await detail.failure.waitFor({ state: 'detached' });
    // The Retry section belongs to Failed stores only.
    await retry.waitFor({ state: 'detached' });
    await detail.openTab('Timeline');
    expect(await detail.step('ready').textContent()).toMatch(/completed/);
  });

  it('ran without console errors or CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
