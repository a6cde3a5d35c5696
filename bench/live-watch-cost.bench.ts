// What it costs to keep N Ready stores' cards truthful (the live-status hub): requests to the
// first verdict for every store, watches held open, CPU while idle and memory, at 10 and at 200
// stores in the same run. Ours: the hub as a cluster admin runs it (cluster-wide watches by label,
// chosen by SelfSubjectAccessReview). Also measured: the same hub watching per store namespace
// (what a namespaced user gets), to show what the cluster-wide watches save.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
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
import { benchEnv, type Benchmark, type BenchResult } from './lib/bench-result';
import { startSimProcess } from './lib/sim-process';

const CONTEXT = 'kube-sim';
const SCALES = [10, 200] as const;
const IDLE_MS = 5_000;
// Seeded per store: its Namespace and Services (no Deployments: 400 pods would make this a
// benchmark of the simulator). The missing objects make every verdict Drifted, which is still one
// verdict per store through all five watched kinds.
const SEEDED = new Set(['Namespace', 'Service']);

type Cost = {
  stores: number;
  requestsToVerdict: number;
  openWatches: number;
  msToVerdict: number;
  idleCpuMsPerSecond: number;
  heapMb: number;
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
  return stores;
}

async function measure(count: number, scopes: 'auto' | WatchScopes, offset: number): Promise<Cost> {
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
    subscribe('http.client.request.start', count1);
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
    // Idle: nothing changes in the cluster; what the hub spends just to keep watching.
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const used = process.cpuUsage(cpu);
    return {
      stores: count,
      requestsToVerdict,
      openWatches: hub.watchCount(),
      msToVerdict: Math.round(msToVerdict),
      idleCpuMsPerSecond: Number(((used.user + used.system) / 1000 / (IDLE_MS / 1000)).toFixed(2)),
      heapMb: Number((process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)),
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
  description: 'live status of 10 vs 200 Ready stores: requests, open watches, idle CPU, memory',
  async run(): Promise<BenchResult> {
    const [small, large] = [await measure(SCALES[0], 'auto', 0), await measure(SCALES[1], 'auto', 1)];
    const perNamespace = await measure(SCALES[1], allScopes('namespaced'), 2);
    return {
      name: 'live-watch-cost',
      unit: 'requests, watches, CPU ms per idle second, MB heap',
      metric: 'openWatches',
      ours: { ...large, at10: small },
      baseline: { ...small, namespacedAt200: perNamespace },
      ratio: ratio(large.openWatches, small.openWatches),
      ratios: {
        requestsToVerdict200vs10: ratio(large.requestsToVerdict, small.requestsToVerdict),
        idleCpu200vs10: ratio(large.idleCpuMsPerSecond, small.idleCpuMsPerSecond),
        watchesVsNamespaced: ratio(large.openWatches, perNamespace.openWatches),
        requestsVsNamespaced: ratio(large.requestsToVerdict, perNamespace.requestsToVerdict),
        idleCpuVsNamespaced: ratio(large.idleCpuMsPerSecond, perNamespace.idleCpuMsPerSecond),
      },
      runs: SCALES[1],
      method:
        'kube-sim (fast) in a child process; N Ready stores seeded in SQLite, their Namespace and Services created by the admin (no Deployments, so no pods: verdicts are Drifted, through all five watched kinds); the hub started as the app starts it and timed to a live verdict for every store, requests counted by diagnostics_channel http.client.request.start, then 5 s idle for CPU; ours at 200 vs baseline at 10 (the same hub, cluster-wide watches by label), and the hub forced per store namespace at 200.',
      env: benchEnv(),
    };
  },
};
