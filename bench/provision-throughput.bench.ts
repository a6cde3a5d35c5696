// Ten stores to Ready, three at a time, on the realistic profile replayed fast: the engine
// (independent objects applied together, only setup waits for MySQL and WordPress) vs the
// reference's order (MySQL created and awaited, then WordPress, then the setup Job). Both sides
// wait by watch, so the figure isolates the ordering; each side gets a fresh sim, same seed.
import type { Store } from '../preload/contract';
import { startHarness, type Harness } from '../test/integration/fixtures/engine-harness';
import { benchEnv, ms, ratio, type BenchResult, type Benchmark } from './lib/bench-result';
import { engineCreate, engineReady, runPool, startBaselineSide } from './lib/bench-kit';
import { realisticAt } from './lib/bench-profiles';
import { referenceProvision } from './lib/reference-flow';
import { watchingWaiter } from './lib/reference-waiters';
import { summarize } from './lib/stats';

const STORES = 10;
const CONCURRENCY = 3;
const TIME_SCALE = 0.05;
const SEED = 21;
const RUN_TIMEOUT_MS = 60_000;

interface SideFigures {
  wallMs: number;
  simMs: number;
  /** From a store's own start (Provisioning) to its Ready, sim ms. */
  perStoreSim: ReturnType<typeof summarize>;
}

const harness = () =>
  startHarness({
    sim: { profile: realisticAt(TIME_SCALE), seed: SEED },
    settings: { concurrency: CONCURRENCY },
  });

async function oursSide(): Promise<SideFigures> {
  const h = await harness();
  const startedAt = new Map<string, number>();
  const perStore: number[] = [];
  const off = h.engine.bus.subscribe((name, payload) => {
    const store = payload as Store;
    if (name !== 'storeChanged') return;
    if (store.status === 'Provisioning' && !startedAt.has(store.id))
      startedAt.set(store.id, h.sim.clock.now());
    if (store.status === 'Ready' && startedAt.has(store.id))
      perStore.push(h.sim.clock.now() - (startedAt.get(store.id) as number));
  });
  try {
    const wall0 = performance.now();
    const sim0 = h.sim.clock.now();
    const created: Store[] = [];
    for (let i = 0; i < STORES; i++) created.push(await engineCreate(h, `throughput ${i}`));
    await Promise.all(created.map((store) => engineReady(h, store.id, RUN_TIMEOUT_MS)));
    return {
      wallMs: performance.now() - wall0,
      simMs: h.sim.clock.now() - sim0,
      perStoreSim: summarize(perStore),
    };
  } finally {
    off();
    await h.close();
  }
}

async function baselineSide(): Promise<SideFigures> {
  const h: Harness = await harness();
  const side = await startBaselineSide(h);
  const waiter = watchingWaiter(RUN_TIMEOUT_MS);
  const contexts = Array.from({ length: STORES }, (_, i) => side.contexts(`throughput-${i}`));
  try {
    const wall0 = performance.now();
    const sim0 = h.sim.clock.now();
    const perStore = await runPool(contexts, CONCURRENCY, async (ctx) => {
      const start = h.sim.clock.now();
      await referenceProvision(side.client, waiter, side.state.stores, ctx, side.context);
      return h.sim.clock.now() - start;
    });
    return {
      wallMs: performance.now() - wall0,
      simMs: h.sim.clock.now() - sim0,
      perStoreSim: summarize(perStore),
    };
  } finally {
    side.close();
    await h.close();
  }
}

const report = (f: SideFigures, order: string) => ({
  order,
  stores: STORES,
  concurrency: CONCURRENCY,
  wallMs: ms(f.wallMs),
  simMs: ms(f.simMs),
  storesPerSimMinute: Number(((STORES * 60_000) / f.simMs).toFixed(3)),
  perStoreSimMs: f.perStoreSim,
});

async function run(): Promise<BenchResult> {
  const ours = await oursSide();
  const baseline = await baselineSide();
  return {
    name: 'provision-throughput',
    unit: 'ms (simMs: sim clock; wallMs: real)',
    metric: 'simMs',
    ours: report(
      ours,
      'Namespace, Secrets, then the 11 other objects together; setup Job once MySQL and WordPress are available',
    ),
    baseline: report(
      baseline,
      'one object at a time: MySQL created and awaited, then WordPress created and awaited, then the setup Job, Ingress, NetworkPolicy',
    ),
    ratio: ratio(ours.simMs, baseline.simMs),
    ratios: {
      wallMs: ratio(ours.wallMs, baseline.wallMs),
      perStoreSimP50Ms: ratio(ours.perStoreSim.p50Ms, baseline.perStoreSim.p50Ms),
    },
    runs: STORES,
    method:
      `${STORES} stores, ${CONCURRENCY} at a time, realistic profile at timeScale ${TIME_SCALE} (1 real ms = ${1 / TIME_SCALE} sim ms), ` +
      'a fresh sim with the same seed for each side. Both sides wait by watch, so only the ordering differs; the baseline uses the same builders and client ' +
      '(create, 409 ignored). Time from the first create to the last store Ready.',
    env: benchEnv(),
  };
}

export const provisionThroughput: Benchmark = {
  name: 'provision-throughput',
  description:
    '10 stores Ready at concurrency 3 (realistic profile, scaled): applied together vs the reference order',
  run,
};
