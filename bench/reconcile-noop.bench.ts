// A second pass over a Ready store: how many writes it sends and how many change anything (from
// the sim's request log), and how long it takes — the engine's server-side-apply pass vs the
// reference's re-run (create every object, skip the 409s, re-check the waits). Then both passes
// meet the same drift (a deleted Service, MySQL scaled to 0 by hand) and we count what each repairs.
import type { Store } from '../preload/contract';
import { OBJECT_NAMES } from '../main/engine/strategies/woocommerce/woocommerce-facts';
import type { StoreContext } from '../main/engine/strategies/strategy';
import { isEffectiveWrite, type RequestLogEntry } from '../test/kube-sim/server/request-log';
import type { KubeObject } from '../test/kube-sim/types';
import { startHarness, type Harness } from '../test/integration/fixtures/engine-harness';
import { benchEnv, ms, ratio, type BenchResult, type Benchmark } from './lib/bench-result';
import { simSleep, startBaselineSide, withTimeout, type BaselineSide } from './lib/bench-kit';
import { referenceProvision } from './lib/reference-flow';
import { pollingWaiter, watchingWaiter } from './lib/reference-waiters';
import { median } from './lib/stats';

const PASSES = 7;
const SEED = 31;
const PASS_TIMEOUT_MS = 30_000;
const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

interface PassFigures {
  requests: number;
  writesAttempted: number;
  effectiveWrites: number;
  noopWrites: number;
  conflicts: number;
  durationMs: number;
}

function figures(log: RequestLogEntry[], durationMs: number): PassFigures {
  const writes = log.filter((r) => WRITE_VERBS.has(r.verb));
  return {
    requests: log.length,
    writesAttempted: writes.length,
    effectiveWrites: log.filter(isEffectiveWrite).length,
    noopWrites: writes.filter((r) => r.noop).length,
    conflicts: writes.filter((r) => r.status === 409).length,
    durationMs,
  };
}

async function measure(h: Harness, pass: () => Promise<void>): Promise<PassFigures> {
  h.sim.clearRequests();
  const t0 = performance.now();
  await withTimeout(pass(), PASS_TIMEOUT_MS, 'a reconcile pass');
  const duration = performance.now() - t0;
  return figures(h.sim.requests(), duration);
}

/** Deletes the WordPress Service and scales MySQL to 0 behind everyone's back. */
function drift(h: Harness, namespace: string): void {
  h.sim.store.delete('services', namespace, OBJECT_NAMES.wordpress);
  const mysql = h.sim.store.get('deployments.apps', namespace, OBJECT_NAMES.mysql) as KubeObject;
  h.sim.store.update('deployments.apps', { ...mysql, spec: { ...mysql.spec, replicas: 0 } });
}

function repaired(h: Harness, namespace: string): { repaired: number; of: number; missed: string[] } {
  const missed: string[] = [];
  if (!h.sim.store.get('services', namespace, OBJECT_NAMES.wordpress))
    missed.push('Service wordpress still deleted');
  const replicas = h.sim.store.get('deployments.apps', namespace, OBJECT_NAMES.mysql)?.spec.replicas;
  if (replicas !== 1) missed.push(`Deployment mysql still at replicas ${String(replicas)}`);
  return { repaired: 2 - missed.length, of: 2, missed };
}

function summarizePasses(passes: PassFigures[]) {
  const last = passes[passes.length - 1] as PassFigures;
  const stable = passes.every(
    (p) => p.writesAttempted === last.writesAttempted && p.effectiveWrites === last.effectiveWrites,
  );
  return {
    writesAttempted: last.writesAttempted,
    effectiveWrites: Math.max(...passes.map((p) => p.effectiveWrites)),
    noopWrites: last.noopWrites,
    conflicts409: last.conflicts,
    requests: last.requests,
    sameCountsEveryPass: stable,
    durationMs: ms(median(passes.map((p) => p.durationMs))),
    durationsMs: passes.map((p) => ms(p.durationMs)),
  };
}

async function run(): Promise<BenchResult> {
  const h = await startHarness({ sim: { profile: 'fast', seed: SEED } });
  let side: BaselineSide | null = null;
  try {
    side = await startBaselineSide(h);
    const baselineSide = side;
    const store: Store = await h.createAndSettle('noop ours');
    if (store.status !== 'Ready') throw new Error(`benchmark: store failed: ${store.errorMessage}`);
    const ctx: StoreContext = side.contexts('noop-reference');
    await referenceProvision(
      side.client,
      watchingWaiter(PASS_TIMEOUT_MS),
      side.state.stores,
      ctx,
      side.context,
    );

    const oursPass = async () => {
      const again = await h.engine.reconcileNow(store.id);
      if (!again.ok) throw new Error(again.error.message);
      await h.engine.settled(store.id);
    };
    // The reference's retry is its provisioning run again, with its own 5 s poll (answered at once here).
    const poll = pollingWaiter({ intervalMs: 5000, sleep: simSleep(h.sim.clock), maxPolls: 60 });
    const basePass = async () => {
      await referenceProvision(
        baselineSide.client,
        poll,
        baselineSide.state.stores,
        ctx,
        baselineSide.context,
      );
    };

    const oursPasses: PassFigures[] = [];
    const basePasses: PassFigures[] = [];
    // Interleaved, so load from other processes on the machine falls on both sides alike.
    for (let i = 0; i < PASSES; i++) {
      oursPasses.push(await measure(h, oursPass));
      basePasses.push(await measure(h, basePass));
    }

    drift(h, store.namespace);
    drift(h, ctx.namespace);
    const oursDrift = await measure(h, oursPass);
    const baseDrift = await measure(h, basePass);
    const ours = {
      pass: 'server-side apply of every object (field manager storedeck), Secrets and finished setup left alone',
      ...summarizePasses(oursPasses),
      drift: { ...repaired(h, store.namespace), effectiveWrites: oursDrift.effectiveWrites },
    };
    const baseline = {
      pass: 'create every object, ignore 409, re-check the waits (5 s poll, ready at the first read)',
      ...summarizePasses(basePasses),
      drift: { ...repaired(h, ctx.namespace), effectiveWrites: baseDrift.effectiveWrites },
    };
    return {
      name: 'reconcile-noop',
      unit: 'API writes per pass (durationMs: real ms)',
      metric: 'writesAttempted',
      ours,
      baseline,
      ratio: ratio(ours.writesAttempted, baseline.writesAttempted),
      ratios: {
        durationMs: ratio(ours.durationMs, baseline.durationMs),
        requests: ratio(ours.requests, baseline.requests),
        effectiveWrites: ratio(ours.effectiveWrites, baseline.effectiveWrites),
      },
      runs: PASSES,
      method:
        `One Ready store per side on the fast profile; ${PASSES} passes each, interleaved, counted from the sim's request log ` +
        '(effective = a write that changed something; noop = a server-side apply that changed nothing). durationMs is the median pass. ' +
        'Then the same drift on both stores and one more pass each: drift.repaired counts what was put back.',
      env: benchEnv(),
    };
  } finally {
    side?.close();
    await h.close();
  }
}

export const reconcileNoop: Benchmark = {
  name: 'reconcile-noop',
  description:
    'second pass over a Ready store: writes sent/effective and time, SSA vs create-ignore-409; drift repaired',
  run,
};
