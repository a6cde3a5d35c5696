// The provision-throughput case of issue 8: twenty stores created at once with concurrency 3
// reach Ready in about the time one store takes alone, because a store waiting for MySQL or its
// setup Job holds no slot (the limit bounds passes in flight, not stores in progress). Both sides
// are the engine, on a fresh sim each with the same profile, seed and nodes: one store alone, then
// twenty at once. API requests per store must not grow with the burst either.
import { loadavg } from 'node:os';
import type { Store } from '../preload/contract';
import { startHarness } from '../test/integration/fixtures/engine-harness';
import { benchEnv, ms, ratio, type BenchResult, type Benchmark } from './lib/bench-result';
import { engineCreate, engineReady } from './lib/bench-kit';
import { realisticAt } from './lib/bench-profiles';
import { summarize } from './lib/stats';

const STORES = 20;
const CONCURRENCY = 3;
/**
 * Not the 0.05 of provision-throughput: real CPU is magnified 1/timeScale times into sim time,
 * and twenty stores' engine work plus the sim's (it runs in this process) at 0.05 added minutes
 * of "cluster time" on a shared 2-core machine (ratio 3.3-4.3 at load 9-12, both sides waiting on
 * CPU, not on slots). At 0.25 the realistic timings still replay 4x faster than a real cluster.
 */
const TIME_SCALE = 0.25;
const SEED = 21;
const RUN_TIMEOUT_MS = 90_000;

type BurstFigures = {
  stores: number;
  concurrency: number;
  /** Sim ms from the first create to the last Ready. */
  simMs: number;
  wallMs: number;
  /** Every request in the sim's log (discovery and watches once each), per store. */
  requestsPerStore: number;
  /** The most passes the engine had in flight at once (sampled on every store change). */
  maxPassesInFlight: number;
  /** CPU of this process (engine, client, and the sim, which runs here too) per store. */
  cpuMsPerStore: number;
  /** The machine's 1-minute load average when the side ended (2 cores, shared). */
  load1m: number;
  /** From a store's create to its Ready, sim ms. */
  perStoreSimMs: ReturnType<typeof summarize>;
};

/** `count` stores created at once on a fresh sim; timed to the last Ready. */
async function burst(count: number): Promise<BurstFigures> {
  const h = await startHarness({
    sim: { profile: realisticAt(TIME_SCALE), seed: SEED },
    settings: { concurrency: CONCURRENCY, maxStoresPerContext: STORES },
  });
  const createdAt = new Map<string, number>();
  const perStore: number[] = [];
  let maxInFlight = 0;
  const off = h.engine.bus.subscribe((name, payload) => {
    if (name !== 'storeChanged') return;
    maxInFlight = Math.max(maxInFlight, h.engine.passesInFlight);
    const store = payload as Store;
    const since = createdAt.get(store.id);
    if (store.status === 'Ready' && since !== undefined) perStore.push(h.sim.clock.now() - since);
  });
  try {
    h.sim.clearRequests();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const sim0 = h.sim.clock.now();
    const created: Store[] = [];
    for (let i = 0; i < count; i++) {
      const store = await engineCreate(h, `burst ${i}`);
      createdAt.set(store.id, h.sim.clock.now());
      created.push(store);
    }
    await Promise.all(created.map((store) => engineReady(h, store.id, RUN_TIMEOUT_MS)));
    const cpu = process.cpuUsage(cpu0);
    return {
      stores: count,
      concurrency: CONCURRENCY,
      simMs: ms(h.sim.clock.now() - sim0),
      wallMs: ms(performance.now() - wall0),
      requestsPerStore: Number((h.sim.requests().length / count).toFixed(2)),
      maxPassesInFlight: maxInFlight,
      cpuMsPerStore: ms((cpu.user + cpu.system) / 1000 / count),
      load1m: Number(loadavg()[0]?.toFixed(2)),
      perStoreSimMs: summarize(perStore),
    };
  } finally {
    off();
    await h.close();
  }
}

async function run(): Promise<BenchResult> {
  const single = await burst(1);
  const twenty = await burst(STORES);
  return {
    name: 'provision-throughput-burst',
    unit: 'ms (sim clock) and API requests per store',
    metric: 'simMs',
    ours: twenty,
    baseline: single,
    ratio: ratio(twenty.simMs, single.simMs),
    ratios: {
      requestsPerStore: ratio(twenty.requestsPerStore, single.requestsPerStore),
      wallMs: ratio(twenty.wallMs, single.wallMs),
    },
    runs: STORES,
    method:
      `The engine alone (baseline) and ${STORES} stores created at once (ours), concurrency ${CONCURRENCY}, realistic profile ` +
      `at timeScale ${TIME_SCALE}, each on a fresh sim with seed ${SEED} (same nodes, images pulled cold on both sides); ` +
      'time from the first create to the last Ready, and every request in the sim log divided by the store count.',
    env: benchEnv(),
  };
}

export const provisionBurst: Benchmark = {
  name: 'provision-throughput-burst',
  description: `${STORES} stores at once at concurrency ${CONCURRENCY} (realistic, scaled) vs one store alone`,
  run,
};
