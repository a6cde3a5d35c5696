// How long after the cluster is ready (the setup Job's Complete condition is written in the sim)
// the store is marked Ready in SQLite and on the bus: the engine's watch vs the reference's
// 5-second poll of readNamespacedJob, both waiting on the very same Job, timed on the sim's clock.
import type { Store } from '../preload/contract';
import { createRng } from '../test/kube-sim/rng';
import type { KubeObject } from '../test/kube-sim/types';
import { startHarness, type Harness } from '../test/integration/fixtures/engine-harness';
import { benchEnv, ratio, type BenchResult, type Benchmark } from './lib/bench-result';
import {
  engineCreate,
  engineReady,
  simSleep,
  startBaselineSide,
  withTimeout,
  type BaselineSide,
} from './lib/bench-kit';
import { fastWithJobTimes } from './lib/bench-profiles';
import { pollingWaiter } from './lib/reference-waiters';
import { summarize } from './lib/stats';

const STORES_PER_MODE = 5;
const POLL_INTERVAL_MS = 5000;
const SEED = 11;
const STORE_TIMEOUT_MS = 30_000;
const ACCEPTANCE_MS = 250;

interface Planned {
  name: string;
  registry: string;
  jobRunMs: number;
}

interface Sample {
  ours: number;
  baseline: number;
}

/**
 * Each store's Job runs a different time, stratified over one poll interval, so its completion
 * falls at a different phase of the 5 s poll as real setup runs (of varying length) do.
 */
function plan(mode: 'seq' | 'con', rng: { next(): number }): Planned[] {
  return Array.from({ length: STORES_PER_MODE }, (_, i) => ({
    name: `latency ${mode} ${i}`,
    registry: `bench-${mode}${i}.local`,
    jobRunMs: Math.round(((i + rng.next()) / STORES_PER_MODE) * POLL_INTERVAL_MS),
  }));
}

const isComplete = (job: KubeObject) =>
  ((job.status?.conditions ?? []) as Array<{ type: string; status: string }>).some(
    (c) => c.type === 'Complete' && c.status === 'True',
  );

/** Records, per store namespace, when its Job completed, when the engine said Ready and when the baseline did. */
function track(h: Harness, baseline: BaselineSide) {
  const clock = h.sim.clock;
  const completeAt = new Map<string, number>();
  const oursAt = new Map<string, number>();
  const baselineAt = new Map<string, Promise<number>>();
  const waiter = pollingWaiter({ intervalMs: POLL_INTERVAL_MS, sleep: simSleep(clock), maxPolls: 60 });

  // The reference's loop starts right after its createJob call: here, the moment the Job exists.
  const runBaseline = async (namespace: string, slug: string): Promise<number> => {
    const ctx = baseline.contexts(`ref-${slug}`);
    const row = baseline.state.stores.insert({
      id: ctx.id,
      name: ctx.name,
      slug: ctx.slug,
      namespace,
      plan: 'woocommerce',
      context: baseline.context,
      adminEmail: ctx.adminEmail,
      status: 'Provisioning',
    });
    if (!row.ok) throw new Error(row.error.message);
    await waiter.jobComplete(baseline.client, namespace, 'woocommerce-setup');
    baseline.state.stores.setStatus(ctx.id, 'Ready', { url: `http://${ctx.host}/` });
    return clock.now();
  };

  const offStore = h.sim.store.subscribe((event) => {
    if (event.key !== 'jobs.batch') return;
    const namespace = event.object.metadata.namespace as string;
    if (event.type === 'ADDED' && !baselineAt.has(namespace)) {
      const slug = namespace.replace(/^store-/, '');
      baselineAt.set(
        namespace,
        Promise.resolve().then(() => runBaseline(namespace, slug)),
      );
    }
    if (isComplete(event.object) && !completeAt.has(namespace)) completeAt.set(namespace, clock.now());
  });
  const offBus = h.engine.bus.subscribe((name, payload) => {
    const store = payload as Store;
    if (name === 'storeChanged' && store.status === 'Ready' && !oursAt.has(store.namespace))
      oursAt.set(store.namespace, clock.now());
  });

  return {
    async sample(store: Store): Promise<Sample> {
      await engineReady(h, store.id, STORE_TIMEOUT_MS);
      const polled = baselineAt.get(store.namespace);
      if (!polled) throw new Error(`benchmark: no setup Job seen for ${store.namespace}`);
      const baselineReady = await withTimeout(
        polled,
        STORE_TIMEOUT_MS,
        `the baseline poll of ${store.namespace}`,
      );
      const complete = completeAt.get(store.namespace);
      const ours = oursAt.get(store.namespace);
      if (complete === undefined || ours === undefined)
        throw new Error(`benchmark: missing Job completion or Ready time for ${store.namespace}`);
      return { ours: ours - complete, baseline: baselineReady - complete };
    },
    stop() {
      offStore();
      offBus();
    },
  };
}

async function run(): Promise<BenchResult> {
  const rng = createRng(SEED);
  const sequential = plan('seq', rng);
  const concurrent = plan('con', rng);
  const jobTimes = Object.fromEntries([...sequential, ...concurrent].map((p) => [p.registry, p.jobRunMs]));
  const h = await startHarness({
    sim: { profile: fastWithJobTimes(jobTimes), seed: SEED },
    settings: { concurrency: STORES_PER_MODE, maxStoresPerContext: STORES_PER_MODE * 2 },
  });
  const baseline = await startBaselineSide(h);
  const tracker = track(h, baseline);
  const create = (p: Planned) => {
    h.state.settings.update({ imageRegistry: p.registry });
    return engineCreate(h, p.name);
  };
  try {
    const seq: Sample[] = [];
    for (const p of sequential) seq.push(await tracker.sample(await create(p)));
    // All created at once (their settings snapshots taken one by one), then awaited together.
    const created = await Promise.all(concurrent.map(create));
    const con = await Promise.all(created.map((store) => tracker.sample(store)));

    const side = (pick: (s: Sample) => number) => ({
      ...summarize([...seq, ...con].map(pick)),
      sequential: summarize(seq.map(pick)),
      concurrent: summarize(con.map(pick)),
      samplesMs: {
        sequential: seq.map((s) => Math.round(pick(s))),
        concurrent: con.map((s) => Math.round(pick(s))),
      },
    });
    const ours = side((s) => s.ours);
    const base = side((s) => s.baseline);
    return {
      name: 'ready-latency',
      unit: 'ms (sim clock, fast profile: 1 sim ms = 1 real ms)',
      metric: 'p50Ms',
      ours: {
        waiter: 'watch',
        ...ours,
        withinAcceptance: ours.maxMs < ACCEPTANCE_MS,
        acceptanceMs: ACCEPTANCE_MS,
      },
      baseline: { waiter: `poll readNamespacedJob every ${POLL_INTERVAL_MS} ms`, ...base },
      ratio: ratio(ours.p50Ms, base.p50Ms),
      ratios: {
        p95Ms: ratio(ours.p95Ms, base.p95Ms),
        maxMs: ratio(ours.maxMs, base.maxMs),
        meanMs: ratio(ours.meanMs, base.meanMs),
        sequentialP50Ms: ratio(ours.sequential.p50Ms, base.sequential.p50Ms),
        concurrentP50Ms: ratio(ours.concurrent.p50Ms, base.concurrent.p50Ms),
      },
      runs: seq.length + con.length,
      method:
        `${STORES_PER_MODE} stores one at a time, then ${STORES_PER_MODE} at once, provisioned by the engine on the fast profile; ` +
        'for each, the baseline polls the same setup Job from the moment it is created and marks its own SQLite row Ready. ' +
        "Latency = Ready (engine: storeChanged on the bus; baseline: after its SQLite write) minus the sim-clock instant the Job's Complete condition was written. " +
        `Job run times are spread over one poll interval (${sequential.map((p) => p.jobRunMs).join(', ')} / ${concurrent.map((p) => p.jobRunMs).join(', ')} ms).`,
      env: benchEnv(),
    };
  } finally {
    tracker.stop();
    baseline.close();
    await h.close();
  }
}

export const readyLatency: Benchmark = {
  name: 'ready-latency',
  description: 'cluster ready → store marked Ready: watch-driven engine vs a 5 s readNamespacedJob poll',
  run,
};
