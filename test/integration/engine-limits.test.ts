// Issue 7's two provisioning limits end to end, with the default settings (10 min without
// progress, 30 min overall) and the engine on the simulator's clock, so every limit is judged in
// the time the cluster lives in. The sim runs in real time while the engine applies the store's
// objects (that work is not stretched into sim minutes), then 250x faster once the store waits:
// half an hour of cluster time passes in about seven seconds. (At 1000x a loaded machine cannot
// keep up with the kubelet's probes, and engine passes lag by sim minutes.) No test sleeps; each
// awaits the store's end.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { SETTINGS_DEFAULTS } from '../../main/state/settings.repo';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import type { FaultConfig } from '../kube-sim/types';
import { startHarness, type Harness } from './fixtures/engine-harness';

const MIN = 60_000;
const fast = loadProfile('fast');

/** The fast profile with MySQL's image taking mysqlPullMinutes (sim) to pull. */
const slowMysql = (mysqlPullMinutes: number) => ({
  ...fast,
  name: `limits-mysql-${mysqlPullMinutes}`,
  timings: { ...fast.timings, imagePullMs: { mysql: mysqlPullMinutes * MIN, '*': 60 } },
});
/** Real ms per sim ms once the store waits. */
const FAST_FORWARD = 0.004;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Settled {
  store: Store;
  /** Sim time from the create to the store settling. */
  tookMs: number;
  failedRow: string | undefined;
  /** The first wait's "started" row: where the timeline says what the store is held to. */
  waitStarted: string | undefined;
}

async function provision(profile: ReturnType<typeof slowMysql>, faults: FaultConfig = {}): Promise<Settled> {
  const harness = await startHarness({ sim: { profile, faults }, simClock: true });
  h = harness;
  // The objects are applied and the waits begin: from here on the cluster's time flies.
  const off = harness.engine.bus.subscribe((name, payload) => {
    const row = payload as { step?: string; status?: string };
    if (name !== 'timelineEvent' || !row.step?.startsWith('wait-') || row.status !== 'started') return;
    off();
    harness.sim.clock.setTimeScale(FAST_FORWARD);
  });
  const from = harness.sim.clock.now();
  const store = await harness.createAndSettle('Patient Shop');
  off();
  const tookMs = harness.sim.clock.now() - from;
  const rows = harness.state.events.list(store.id);
  const failedRow = rows.find((e) => e.status === 'failed')?.message;
  const waitStarted = rows.find((e) => e.step.startsWith('wait-') && e.status === 'started')?.message;
  return { store, tookMs, failedRow, waitStarted };
}

describe('provisioning limits on the cluster clock (defaults: 10 min without progress, 30 min overall)', () => {
  it('uses the defaults the settings ship with', () => {
    expect(SETTINGS_DEFAULTS).toMatchObject({ noProgressTimeoutMinutes: 10, provisionTimeoutMinutes: 30 });
  });

  it('does not fail a store whose image pull takes 15 min: a pull under way is progress', async () => {
    const { store, tookMs, failedRow, waitStarted } = await provision(slowMysql(15));
    expect(store).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
    expect(waitStarted).toContain('fails after 10 min without progress or 30 min in all');
    expect(failedRow).toBeUndefined();
    // Longer than the limit without progress: the pull kept it alive, the rule was in play.
    expect(tookMs).toBeGreaterThan(15 * MIN);
  });

  it('fails a store that makes no progress after 10 min, the timeline naming both limits', async () => {
    const { store, tookMs, failedRow } = await provision(slowMysql(0), {
      readinessProbeFailPattern: '^wordpress:6',
    });
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'wait-wordpress' });
    expect(store.errorMessage).toMatch(
      /^timed out after 10 min without progress waiting for wordpress to become available: WordPress is running but not ready: its readiness probe keeps failing .*\(the limit without progress; the overall limit is 30 min\)$/,
    );
    expect(failedRow).toBe(store.errorMessage);
    expect(tookMs).toBeGreaterThanOrEqual(10 * MIN);
    expect(tookMs).toBeLessThan(30 * MIN);
  });

  it('fails a store still progressing (a 40 min pull) at the 30 min overall cap', async () => {
    const { store, tookMs, failedRow } = await provision(slowMysql(40));
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'wait-mysql' });
    expect(store.errorMessage).toMatch(
      /^timed out after 30 min waiting for mysql to become available.*\(the overall limit; a store also fails after 10 min without progress\)$/,
    );
    expect(failedRow).toBe(store.errorMessage);
    expect(tookMs).toBeGreaterThanOrEqual(30 * MIN);
    expect(tookMs).toBeLessThan(40 * MIN);
  });
});
