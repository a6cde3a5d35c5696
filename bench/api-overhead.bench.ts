// API requests one store's provisioning costs, counted from the sim's request log: the engine
// (gets, server-side applies, a handful of long-lived watches) vs the reference flow as it was
// (creates, then a read every 5 s of cluster time until each wait is over), realistic profile.
import type { Store } from '../preload/contract';
import type { RequestLogEntry } from '../test/kube-sim/server/request-log';
import { startHarness } from '../test/integration/fixtures/engine-harness';
import { benchEnv, ratio, type BenchResult, type Benchmark } from './lib/bench-result';
import { engineCreate, engineReady, runPool, simSleep, startBaselineSide } from './lib/bench-kit';
import { realisticAt } from './lib/bench-profiles';
import { referenceProvision } from './lib/reference-flow';
import { pollingWaiter } from './lib/reference-waiters';

const STORES = 3;
const TIME_SCALE = 0.05;
const SEED = 41;
const RUN_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 5000;

const harness = () =>
  startHarness({ sim: { profile: realisticAt(TIME_SCALE), seed: SEED }, settings: { concurrency: STORES } });

const perStore = (n: number) => Number((n / STORES).toFixed(2));

function count(log: RequestLogEntry[]) {
  const byVerb: Record<string, number> = {};
  for (const r of log) byVerb[r.verb] = (byVerb[r.verb] ?? 0) + 1;
  return {
    requestsPerStore: perStore(log.length),
    byVerbPerStore: Object.fromEntries(
      Object.entries(byVerb)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([verb, n]) => [verb, perStore(n)]),
    ),
    watchEventsPerStore: perStore(log.reduce((sum, r) => sum + (r.events ?? 0), 0)),
  };
}

async function oursSide() {
  const h = await harness();
  try {
    h.sim.clearRequests();
    const created: Store[] = [];
    for (let i = 0; i < STORES; i++) created.push(await engineCreate(h, `overhead ${i}`));
    await Promise.all(created.map((store) => engineReady(h, store.id, RUN_TIMEOUT_MS)));
    // Watches still open are logged already (entries are written when a request arrives).
    return count(h.sim.requests());
  } finally {
    await h.close();
  }
}

async function baselineSide() {
  const h = await harness();
  const side = await startBaselineSide(h);
  try {
    const waiter = pollingWaiter({
      intervalMs: POLL_INTERVAL_MS,
      sleep: simSleep(h.sim.clock),
      maxPolls: 60,
    });
    const contexts = Array.from({ length: STORES }, (_, i) => side.contexts(`overhead-${i}`));
    // The reference hard-coded its ingress namespace: the detection reads above are not its cost.
    h.sim.clearRequests();
    await runPool(contexts, STORES, (ctx) =>
      referenceProvision(side.client, waiter, side.state.stores, ctx, side.context),
    );
    return count(h.sim.requests());
  } finally {
    side.close();
    await h.close();
  }
}

async function run(): Promise<BenchResult> {
  const ours = await oursSide();
  const baseline = await baselineSide();
  return {
    name: 'api-overhead',
    unit: 'API requests per store provisioned',
    metric: 'requestsPerStore',
    ours: { waits: 'watch', ...ours },
    baseline: { waits: `poll every ${POLL_INTERVAL_MS} sim ms`, ...baseline },
    ratio: ratio(ours.requestsPerStore, baseline.requestsPerStore),
    ratios: { watchEventsPerStore: ratio(ours.watchEventsPerStore, baseline.watchEventsPerStore) },
    runs: STORES,
    method:
      `${STORES} stores provisioned together per side, realistic profile at timeScale ${TIME_SCALE}, a fresh sim each; ` +
      'every request in the sim log (discovery included) divided by the store count. A watch counts once however long it stays open; ' +
      'watchEventsPerStore says how much it streamed.',
    env: benchEnv(),
  };
}

export const apiOverhead: Benchmark = {
  name: 'api-overhead',
  description:
    'API requests per store provision: engine (watches + SSA) vs the reference (creates + 5 s polls)',
  run,
};
