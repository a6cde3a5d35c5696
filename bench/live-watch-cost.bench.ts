// What it costs to keep N Ready stores' cards truthful (the live-status hub): requests to the
// first verdict for every store, watches held open, requests per idle minute, CPU while idle and
// memory, and how soon a break is noticed, at 10 and at 200 stores in the same run. Ours: the hub
// as a cluster admin runs it (cluster-wide watches by label, chosen by SelfSubjectAccessReview).
// A namespaced user (charts/storedeck-access) is measured both ways at 200: a watch per kind per
// store namespace (before) and what it runs now (one pod watch, one namespace watch, the other
// kinds LISTed per store namespace at a capped rate).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '../preload/contract';
import { createEventBus } from '../main/primitives/event-bus';
import { ClientPool } from '../main/kube/client-pool';
import { LiveStatusHub } from '../main/engine/live-status/live-status-hub';
import { allScopes, chooseWatchScopes, type WatchScopes } from '../main/engine/live-status/watch-scope';
import { strategyFor } from '../main/engine/strategies/registry';
import { contextFromDesired } from '../main/engine/store-context';
import { openState, type State } from '../main/state/open-state';
import { runPool, withTimeout } from './lib/bench-kit';
import { measureDetection, nextVerdict, type Detection } from './lib/live-detection';
import { benchEnv, type Benchmark, type BenchResult } from './lib/bench-result';
import { startSimProcess } from './lib/sim-process';

const CONTEXT = 'kube-sim';
const SCALES = [10, 200] as const;
const IDLE_MS = 10_000;
/** The hub's default pollSweepMs: a polling hub's idle window starts once its sweep runs. */
const SWEEP_MS = 30_000;

// Heap figures after a full GC, so what one run left behind is not counted in the next.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
// Seeded per store: its Namespace and Services (no Deployments: 400 pods would make this a
// benchmark of the simulator). The missing objects make every verdict Drifted, which is still one
// verdict per store through all five watched kinds. One store (the probe) gets every object and
// runs its pods, so a pod going unready and a Deployment deleted can be timed.
const SEEDED = new Set(['Namespace', 'Service']);
/** Stores whose Service is deleted at once to time Drifted (a poller finds them at sweep times). */
const DRIFTING = 4;
/** A namespaced user's kinds as the chart's ServiceAccount gets them now (watch-scope.ts). */
const POLLED: WatchScopes = { ...allScopes('polled'), Pod: 'cluster' };

type Cost = {
  stores: number;
  requestsToVerdict: number;
  openWatches: number;
  msToVerdict: number;
  idleCpuMsPerSecond: number;
  heapMb: number;
  requestsPerIdleMinute: number;
  /** The longest a change only the poller's sweep can see waits (null: nothing polled). */
  sweepBoundMs: number | null;
  detection?: Detection;
};

/** N Ready stores in SQLite (decided host and ingress, as after a first pass) and in the cluster. */
async function seed(state: State, pool: ClientPool, count: number, offset: number): Promise<Store[]> {
  const client = pool.clientFor(CONTEXT);
  const stores: Store[] = [];
  for (let n = 0; n < count; n++) {
    const slug = `watch-${offset + n}`;
    const inserted = state.stores.insert({
      name: `Watch ${offset + n}`,
      slug,
      namespace: `store-${slug}`,
      plan: 'woocommerce',
      context: CONTEXT,
      adminEmail: 'owner@example.com',
      status: 'Ready',
      desired: {
        host: `${slug}.localhost`,
        ingressClassName: 'traefik',
        ingressController: 'traefik',
        ingressControllerNamespace: 'kube-system',
      },
    });
    if (!inserted.ok) throw new Error(inserted.error.message);
    stores.push(inserted.value);
  }
  await runPool(stores, 16, async (store) => {
    const desired = state.stores.getDesired(store.id)?.desired;
    const ctx = desired && contextFromDesired(store, desired);
    if (!ctx) throw new Error('benchmark: no store context');
    const objects = strategyFor('woocommerce')
      .resources(ctx)
      .filter((o) => SEEDED.has(o.kind));
    for (const obj of objects) await client.create(obj);
  });
  // The probe: every object of the store (its Secrets, claims, Deployments, Job...), so its pods run.
  const probe = stores[0]!;
  const desired = state.stores.getDesired(probe.id)?.desired;
  const ctx = desired && contextFromDesired(probe, desired);
  if (!ctx) throw new Error('benchmark: no probe store context');
  const strategy = strategyFor('woocommerce');
  const secrets = strategy.secrets(ctx, strategy.newSecrets(ctx));
  for (const obj of [...secrets, ...strategy.resources(ctx)])
    if (!SEEDED.has(obj.kind)) await client.create(obj);
  return stores;
}

async function measure(
  count: number,
  scopes: 'auto' | WatchScopes,
  offset: number,
  detect: boolean,
): Promise<Cost> {
  const sim = await startSimProcess(['--profile', 'fast', '--seed', String(90 + offset)]);
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-bench-watch-'));
  const state = openState(path.join(dir, 'storedeck.db'));
  const pool = new ClientPool(sim.kubeconfigPath);
  let hub: LiveStatusHub | null = null;
  let requests = 0;
  const count1 = () => void requests++;
  try {
    const stores = await seed(state, pool, count, offset);
    const bus = createEventBus();
    const judged = new Set<string>();
    const allJudged = new Promise<void>((resolve) =>
      bus.subscribe((name, payload) => {
        if (name !== 'liveStatus') return;
        judged.add((payload as { storeId: string }).storeId);
        if (judged.size === stores.length) resolve();
      }),
    );
    // Its pods start after the hub's first look: Degraded first, then Ready.
    const probeReady = nextVerdict(
      bus,
      stores[0]!.id,
      (l) => l.state === 'Ready',
      120_000,
      'the probe store Ready',
    );
    subscribe('http.client.request.start', count1);
    const heapBefore = heapMb();
    const started = performance.now();
    hub = new LiveStatusHub({
      listStores: (context) => state.stores.list(context),
      storeContext: (store) => {
        const desired = state.stores.getDesired(store.id)?.desired;
        return desired ? contextFromDesired(store, desired) : null;
      },
      strategyFor,
      clientFor: (context) => pool.clientFor(context),
      bus,
      scopes: scopes === 'auto' ? chooseWatchScopes : async () => scopes,
    });
    hub.observe(CONTEXT);
    await withTimeout(allJudged, 90_000, `a live verdict for all ${count} stores`);
    const msToVerdict = performance.now() - started;
    const requestsToVerdict = requests;
    await probeReady;
    // Idle: nothing changes in the cluster; what the hub spends just to keep watching (a polling
    // hub measured while its sweep runs: the first one is due SWEEP_MS after the first lists).
    if (hub.pollStats()) {
      const wait = SWEEP_MS + 1_000 - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const requestsBeforeIdle = requests;
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const used = process.cpuUsage(cpu);
    const heapAfter = heapMb() - heapBefore;
    const requestsPerIdleMinute = Math.round(((requests - requestsBeforeIdle) * 60_000) / IDLE_MS);
    const sweepBoundMs = hub.pollStats()?.sweepPeriodMs ?? null;
    console.error(
      `live-watch-cost: ${count} stores: idle measured, detection next (sweep bound ${sweepBoundMs} ms)`,
    );
    const detection = detect
      ? await measureDetection(
          pool.clientFor(CONTEXT),
          bus,
          stores[0]!,
          stores
            .slice(1)
            .filter((_, i) => i % Math.floor(stores.length / DRIFTING) === 0)
            .slice(0, DRIFTING),
          sweepBoundMs ?? 0,
        )
      : undefined;
    console.error(
      `live-watch-cost: ${count} stores, ${typeof scopes === 'string' ? scopes : JSON.stringify(scopes)}: done`,
    );
    return {
      stores: count,
      requestsToVerdict,
      openWatches: hub.watchCount(),
      msToVerdict: Math.round(msToVerdict),
      idleCpuMsPerSecond: Number(((used.user + used.system) / 1000 / (IDLE_MS / 1000)).toFixed(2)),
      heapMb: Number(heapAfter.toFixed(1)),
      requestsPerIdleMinute,
      sweepBoundMs: sweepBoundMs === null ? null : Math.round(sweepBoundMs),
      ...(detection ? { detection } : {}),
    };
  } finally {
    unsubscribe('http.client.request.start', count1);
    hub?.close();
    state.close();
    rmSync(dir, { recursive: true, force: true });
    await sim.stop();
  }
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Number((a / b).toFixed(3)));

export const liveWatchCost: Benchmark = {
  name: 'live-watch-cost',
  description:
    'live status of 10 vs 200 Ready stores: requests, open watches, idle CPU and requests, memory, detection delay; a namespaced user before and after',
  // Four sims of up to 200 stores, and the poller's sweep waited out once (about 2 min at 200).
  timeoutMs: 600_000,
  async run(): Promise<BenchResult> {
    const small = await measure(SCALES[0], 'auto', 0, false);
    const large = await measure(SCALES[1], 'auto', 1, true);
    const perNamespace = await measure(SCALES[1], allScopes('namespaced'), 2, true);
    const polled = await measure(SCALES[1], POLLED, 3, true);
    return {
      name: 'live-watch-cost',
      unit: 'requests, watches, CPU ms per idle second, requests per idle minute, MB heap, ms to notice',
      metric: 'openWatches',
      ours: { ...large, at10: small, namespacedAt200: polled },
      baseline: { ...small, namespacedWatchesAt200: perNamespace },
      ratio: ratio(large.openWatches, small.openWatches),
      ratios: {
        requestsToVerdict200vs10: ratio(large.requestsToVerdict, small.requestsToVerdict),
        idleCpu200vs10: ratio(large.idleCpuMsPerSecond, small.idleCpuMsPerSecond),
        watchesVsNamespaced: ratio(large.openWatches, perNamespace.openWatches),
        requestsVsNamespaced: ratio(large.requestsToVerdict, perNamespace.requestsToVerdict),
        idleCpuVsNamespaced: ratio(large.idleCpuMsPerSecond, perNamespace.idleCpuMsPerSecond),
        // The namespaced user now vs before (a watch per kind per store namespace), both at 200.
        namespacedWatchesNowVsBefore: ratio(polled.openWatches, perNamespace.openWatches),
        namespacedRequestsToVerdictNowVsBefore: ratio(
          polled.requestsToVerdict,
          perNamespace.requestsToVerdict,
        ),
        namespacedIdleCpuNowVsBefore: ratio(polled.idleCpuMsPerSecond, perNamespace.idleCpuMsPerSecond),
        namespacedHeapNowVsBefore: ratio(polled.heapMb, perNamespace.heapMb),
      },
      runs: SCALES[1],
      method:
        "kube-sim (fast) in a child process; N Ready stores seeded in SQLite, their Namespace and Services created by the admin (no Deployments, so no pods: verdicts are Drifted, through all five watched kinds) plus one probe store with every object and running pods; the hub started as the app starts it and timed to a live verdict for every store, requests counted by diagnostics_channel http.client.request.start, then 10 s idle for CPU and requests per minute (a polling hub once its first sweep is due, 31 s after start), heap = MB held after a full GC beyond what was held before the hub started; then detection (200 only): the probe store's WordPress pods replaced with a readiness fault (to Degraded), its MySQL Deployment deleted (to Drifted), and the wordpress Service of 4 stores deleted at once (to Drifted), in real ms. Ours at 200 vs baseline at 10 (cluster-wide watches by label); a namespaced user at 200 as before (a watch per kind per store namespace) and as now (pods and namespaces watched cluster-wide, the other kinds polled: sweepBoundMs is the stated bound on a change only the sweep sees).",
      env: benchEnv(),
    };
  },
};
