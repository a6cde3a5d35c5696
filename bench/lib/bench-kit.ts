// Small pieces every benchmark shares: the engine side (the integration harness) and the
// baseline side (its own client and SQLite file against the same sim), bounded waits, a pool.
import path from 'node:path';
import type { Store } from '../../preload/contract';
import { ClientPool } from '../../main/kube/client-pool';
import type { KubeClient } from '../../main/kube/client';
import { openState, type State } from '../../main/state/open-state';
import type { SimClock } from '../../test/kube-sim/types';
import { CONTEXT, type Harness } from '../../test/integration/fixtures/engine-harness';
import { referenceContexts, type ContextFactory } from './reference-context';

/** Rejects after `ms` real milliseconds, naming what was awaited; the timer never holds the process. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`benchmark: timed out after ${ms} ms waiting for ${what}`)),
      ms,
    );
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sleeps `ms` of the sim's time (cluster time), whatever its time scale. */
export const simSleep =
  (clock: SimClock) =>
  (ms: number): Promise<void> =>
    new Promise((resolve) => clock.setTimeout(resolve, ms));

/** Runs fn over items with at most `concurrency` in flight (the reference's p-queue). */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Resolves when the engine marks the store Ready; rejects if it fails or takes longer than `ms`. */
export async function engineReady(h: Harness, id: string, ms: number): Promise<Store> {
  const store = await withTimeout(h.statusOf(id, ['Ready', 'Failed']), ms, `store ${id} to be Ready`);
  if (store.status !== 'Ready')
    throw new Error(`benchmark: store ${store.name} failed at ${store.errorStep}: ${store.errorMessage}`);
  return store;
}

/** Creates a store through the engine (the settings snapshot is taken during this call). */
export async function engineCreate(h: Harness, name: string): Promise<Store> {
  const created = await h.engine.create({
    name,
    adminEmail: 'owner@example.com',
    plan: 'woocommerce',
    context: CONTEXT,
  });
  if (!created.ok) throw new Error(`benchmark: create ${name}: ${created.error.message}`);
  return created.value;
}

export interface BaselineSide {
  client: KubeClient;
  state: State;
  contexts: ContextFactory;
  /** The context name baseline rows are recorded under. */
  context: string;
  close(): void;
}

/** The baseline's own client and SQLite file (in the harness's data dir), against the harness's sim. */
export async function startBaselineSide(h: Harness): Promise<BaselineSide> {
  // The reference ran as cluster-admin (it had no per-namespace RoleBinding to create).
  const client = new ClientPool(h.adminKubeconfigPath).clientFor(CONTEXT);
  const state = openState(path.join(h.dir, 'reference.db'));
  return {
    client,
    state,
    contexts: await referenceContexts(client),
    context: CONTEXT,
    close: () => state.close(),
  };
}
