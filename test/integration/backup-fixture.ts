// Shared pieces of the backup / restore / clone tests: an app (engine as the worker) on the
// simulator as the access chart's ServiceAccount, stores made through the contract, and direct
// exec into a store's pods through client-node (to fill it and to read its dump).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppCore } from '../../main/api/create-app';
import { appPod } from '../../main/engine/app-node';
import { dumpScript } from '../../main/engine/backup/store-transfer';
import { woocommerceStrategy } from '../../main/engine/strategies/woocommerce/woocommerce.strategy';
import { ClientPool } from '../../main/kube/client-pool';
import { execInPod } from '../../main/kube/pod-exec';
import type { EventName, EventOf, Store } from '../../preload/contract';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import { installAccessChart } from './fixtures/access-chart';

export interface BackupWorld {
  sim: KubeSim;
  app: AppCore;
  dir: string;
  pool: ClientPool;
  close(): Promise<void>;
}

export async function startWorld(seed: number): Promise<BackupWorld> {
  const sim = await startKubeSim({ profile: 'fast', seed });
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-backup-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  await installAccessChart(sim, kubeconfig);
  const app = await createApp({ dataDir: path.join(dir, 'data'), kubeconfigPath: kubeconfig, mode: 'cli' });
  await until(() => app.worker.status().working, 'the worker lease');
  const pool = new ClientPool(kubeconfig);
  return {
    sim,
    app,
    dir,
    pool,
    async close() {
      await app.close();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bounded poll for a condition no event announces (the lease). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Collects the bus's events of one kind from now on. */
export function collect<K extends EventName>(app: AppCore, name: K): { items: EventOf<K>[]; stop(): void } {
  const items: EventOf<K>[] = [];
  const stop = app.bus.subscribe((n: EventName, payload: unknown) => {
    if (n === name) items.push(payload as EventOf<K>);
  });
  return { items, stop };
}

/** Resolves with the first event of that kind matching, bounded in time. */
export function nextEvent<K extends EventName>(
  app: AppCore,
  name: K,
  match: (p: EventOf<K>) => boolean,
  timeoutMs = 60_000,
): Promise<EventOf<K>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = app.bus.subscribe((n: EventName, payload: unknown) => {
      if (n !== name || !match(payload as EventOf<K>)) return;
      clearTimeout(timer);
      stop();
      resolve(payload as EventOf<K>);
    });
  });
}

export async function readyStore(app: AppCore, name: string): Promise<Store> {
  const created = await app.handlers.createStore({
    name,
    adminEmail: 'owner@example.com',
    plan: 'woocommerce',
  });
  if (!created.ok) throw new Error(created.error.message);
  const ready = nextEvent(
    app,
    'storeChanged',
    (s) => s.id === created.value.id && ['Ready', 'Failed'].includes(s.status),
  );
  const now = await app.handlers.getStore({ id: created.value.id });
  const store = now.ok && now.value.status === 'Ready' ? now.value : await ready;
  if (store.status !== 'Ready') throw new Error(`${name} ended ${store.status}: ${store.errorMessage}`);
  return store;
}

/** The outcome event of a backup/restore/clone. */
export const finished = (app: AppCore, operationId: string, timeoutMs = 120_000) =>
  nextEvent(app, 'backupProgress', (p) => p.operationId === operationId && p.done, timeoutMs);

export async function execIn(
  world: BackupWorld,
  store: Store,
  deployment: 'mysql' | 'wordpress',
  command: string[],
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const client = world.pool.clientFor(store.context);
  const pod = await appPod(client, store.namespace, deployment);
  if (!pod) throw new Error(`no ready ${deployment} pod in ${store.namespace}`);
  return execInPod(
    client.kubeConfig,
    { namespace: store.namespace, pod: String(pod.metadata?.name), container: deployment },
    command,
  );
}

/** The store's database as mysqldump writes it, without the comment lines (they carry the time). */
export async function dumpOf(world: BackupWorld, store: Store): Promise<string> {
  const access = woocommerceStrategy.backup;
  if (!access) throw new Error('no backup access');
  const out = await execIn(world, store, 'mysql', ['sh', '-c', dumpScript(access.database)]);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return out.stdout
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n');
}

export async function wpCli(
  app: AppCore,
  store: Store,
  args: string[],
): Promise<{ exitCode: number | null; text: string }> {
  let text = '';
  const seen = collect(app, 'wpCliOutput');
  try {
    const started = await app.handlers.runWpCli({ id: store.id, args });
    if (!started.ok) throw new Error(started.error.message);
    const last = await nextEvent(app, 'wpCliOutput', (o) => o.runId === started.value.runId && o.done);
    for (const o of seen.items) if (o.runId === started.value.runId) text += o.text;
    return { exitCode: last.exitCode, text };
  } finally {
    seen.stop();
  }
}
