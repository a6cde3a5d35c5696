// CPU the engine spends per store provisioned: the simulator runs in its own process, so
// process.cpuUsage() here is the engine, client-node (TLS included) and SQLite only. The
// reference flow (same client, watch waits) is measured the same way against a fresh sim.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '../preload/contract';
import { Engine } from '../main/engine/engine';
import { ClientPool } from '../main/kube/client-pool';
import { openState } from '../main/state/open-state';
import { benchEnv, ms, ratio, type BenchResult, type Benchmark } from './lib/bench-result';
import { runPool, withTimeout } from './lib/bench-kit';
import { referenceContexts } from './lib/reference-context';
import { referenceProvision } from './lib/reference-flow';
import { watchingWaiter } from './lib/reference-waiters';
import { startSimProcess } from './lib/sim-process';

const STORES = 10;
const CONCURRENCY = 3;
const SEED = 51;
const CONTEXT = 'kube-sim';
const RUN_TIMEOUT_MS = 90_000;
/**
 * The engine's figure before the controller rewrite of issue 8 (median of three runs of this
 * benchmark at commit 9f444bb: 348, 328, 303 ms; see bench/README.md). A recorded reference
 * point, not measured here: the old engine no longer exists to be run.
 */
const CPU_MS_PER_STORE_BEFORE = 328;

type SideFigures = {
  cpuMsPerStore: number;
  userMsPerStore: number;
  systemMsPerStore: number;
  wallMs: number;
};

function measure<T>(fn: () => Promise<T>): Promise<{ cpu: NodeJS.CpuUsage; wallMs: number }> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  return fn().then(() => ({ cpu: process.cpuUsage(cpu0), wallMs: performance.now() - wall0 }));
}

const figures = (m: { cpu: NodeJS.CpuUsage; wallMs: number }): SideFigures => ({
  cpuMsPerStore: ms((m.cpu.user + m.cpu.system) / 1000 / STORES),
  userMsPerStore: ms(m.cpu.user / 1000 / STORES),
  systemMsPerStore: ms(m.cpu.system / 1000 / STORES),
  wallMs: ms(m.wallMs),
});

const simArgs = ['--profile', 'fast', '--seed', String(SEED)];

async function oursSide(): Promise<SideFigures> {
  const sim = await startSimProcess(simArgs);
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-bench-cpu-'));
  const state = openState(path.join(dir, 'storedeck.db'));
  state.settings.update({ concurrency: CONCURRENCY });
  const pool = new ClientPool(sim.kubeconfigPath);
  const engine = new Engine({
    ...state,
    clientFor: (context) => pool.clientFor(context),
    isLocalContext: (context) => pool.isLocal(context),
    actor: 'bench',
  });
  try {
    const ready = new Map<string, (store: Store) => void>();
    const off = engine.bus.subscribe((name, payload) => {
      const store = payload as Store;
      if (name === 'storeChanged' && (store.status === 'Ready' || store.status === 'Failed'))
        ready.get(store.id)?.(store);
    });
    const measured = await measure(async () => {
      const waits: Array<Promise<Store>> = [];
      for (let i = 0; i < STORES; i++) {
        const created = await engine.create({
          name: `cpu ${i}`,
          adminEmail: 'o@example.com',
          plan: 'woocommerce',
          context: CONTEXT,
        });
        if (!created.ok) throw new Error(`benchmark: create: ${created.error.message}`);
        waits.push(new Promise((resolve) => ready.set(created.value.id, resolve)));
      }
      const ended = await withTimeout(Promise.all(waits), RUN_TIMEOUT_MS, 'stores to be Ready');
      const failed = ended.find((store) => store.status !== 'Ready');
      if (failed) throw new Error(`benchmark: ${failed.name} failed: ${failed.errorMessage}`);
    });
    off();
    return figures(measured);
  } finally {
    await engine.stop();
    state.close();
    rmSync(dir, { recursive: true, force: true });
    await sim.stop();
  }
}

async function baselineSide(): Promise<SideFigures> {
  const sim = await startSimProcess(simArgs);
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-bench-cpu-'));
  const state = openState(path.join(dir, 'reference.db'));
  try {
    const client = new ClientPool(sim.kubeconfigPath).clientFor(CONTEXT);
    const contexts = await referenceContexts(client);
    const waiter = watchingWaiter(RUN_TIMEOUT_MS);
    const all = Array.from({ length: STORES }, (_, i) => contexts(`cpu-${i}`));
    return figures(
      await measure(() =>
        runPool(all, CONCURRENCY, (ctx) => referenceProvision(client, waiter, state.stores, ctx, CONTEXT)),
      ),
    );
  } finally {
    state.close();
    rmSync(dir, { recursive: true, force: true });
    await sim.stop();
  }
}

async function run(): Promise<BenchResult> {
  const ours = await oursSide();
  const baseline = await baselineSide();
  return {
    name: 'engine-cpu',
    unit: 'CPU ms (user + system) of the engine process per store provisioned',
    metric: 'cpuMsPerStore',
    ours: { ...ours, beforeRewriteCpuMsPerStore: CPU_MS_PER_STORE_BEFORE },
    baseline,
    ratio: ratio(ours.cpuMsPerStore, baseline.cpuMsPerStore),
    ratios: { vsBeforeRewrite: ratio(ours.cpuMsPerStore, CPU_MS_PER_STORE_BEFORE) },
    runs: STORES,
    method:
      `${STORES} stores, ${CONCURRENCY} at a time, fast profile, the sim in a child process (a fresh one per side, seed ${SEED}); ` +
      'process.cpuUsage() of this process from the first create to the last Ready, divided by the store count.',
    env: benchEnv(),
  };
}

export const engineCpu: Benchmark = {
  name: 'engine-cpu',
  description: 'engine-process CPU per store provisioned (sim in a child process) vs the reference flow',
  run,
};
