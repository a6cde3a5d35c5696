// The provisioning timeout: a store whose pods never become ready fails at the step it was
// waiting in, saying how long it waited and for what (the overall limit is shortened to 8 s
// here: long enough for WordPress to be ready on a busy machine, far short of MySQL's pull).
import { afterAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/primitives/event-bus';
import { reconcileStore } from '../../main/engine/reconciler';
import { StoreWriter } from '../../main/engine/store-writer';
import { strategyFor } from '../../main/engine/strategies/registry';
import { ClientPool } from '../../main/kube/client-pool';
import { SETTINGS_DEFAULTS, type SettingsRepo } from '../../main/state/settings.repo';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

const fast = loadProfile('fast');
// MySQL's image takes ten minutes to pull: nothing is wrong, it is just slow.
const slowPull = {
  ...fast,
  name: 'slow-mysql',
  timings: { ...fast.timings, imagePullMs: { mysql: 600_000, '*': 60 } },
};

let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

describe('provisioning timeout', () => {
  it('fails the store at the wait it was in, naming the budget and what it waited for', async () => {
    h = await startHarness({ sim: { profile: slowPull } });
    await h.engine.stop();
    const inserted = h.state.stores.insert({
      name: 'Slow Shop',
      slug: 'slow-shop',
      namespace: 'store-slow-shop',
      plan: 'woocommerce',
      context: CONTEXT,
      adminEmail: 'a@b.co',
    });
    if (!inserted.ok) throw new Error(inserted.error.message);
    const pool = new ClientPool(h.kubeconfigPath);
    const settings = {
      get: () => ({ ...SETTINGS_DEFAULTS, provisionTimeoutMinutes: 8 / 60 }),
    } as unknown as SettingsRepo;

    const started = Date.now();
    const outcome = await reconcileStore(
      {
        stores: h.state.stores,
        settings,
        writer: new StoreWriter(h.state.stores, h.state.events, createEventBus()),
        clientFor: (context) => pool.clientFor(context),
        isLocal: () => true,
        strategyFor,
      },
      inserted.value.id,
      new AbortController().signal,
    );

    expect(outcome).toBe('failed');
    // Ends at the limit, not at the ten-minute pull (a generous bound: the machine may be busy).
    expect(Date.now() - started).toBeLessThan(60_000);
    const store = h.state.stores.get(inserted.value.id);
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'wait-mysql' });
    expect(store?.errorMessage).toMatch(/^timed out after 8 s waiting for mysql to become available/);
    expect(
      h.state.events
        .list(inserted.value.id)
        .some((e) => e.step === 'wait-wordpress' && e.status === 'completed'),
    ).toBe(true);
  });
});
