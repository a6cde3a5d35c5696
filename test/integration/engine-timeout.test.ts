// The provisioning timeout: a store whose pods never become ready fails at the step it was
// waiting in, saying how long it waited and for what (the overall limit is shortened to 8 s
// here: long enough for WordPress to be ready on a busy machine, far short of MySQL's pull).
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { startHarness, type Harness } from './fixtures/engine-harness';
import { reconcileAlone } from './fixtures/reconcile-alone';

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
    const started = Date.now();
    const { outcome, store } = await reconcileAlone(h, 'Slow Shop', { provisionTimeoutMinutes: 8 / 60 });

    expect(outcome).toBe('failed');
    // Ends at the limit, not at the ten-minute pull (a generous bound: the machine may be busy).
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'wait-mysql' });
    expect(store?.errorMessage).toMatch(/^timed out after 8 s waiting for mysql to become available/);
    expect(
      h.state.events
        .list(String(store?.id))
        .some((e) => e.step === 'wait-wordpress' && e.status === 'completed'),
    ).toBe(true);
  });
});
