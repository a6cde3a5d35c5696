// The Logs feature's engine path against kube-sim through the real client: the kubelet's
// timestamps, a previous container after a crash (and upstream's 400 before one), and the setup
// job's log kept in SQLite after the Job and its pods are gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { ClientPool } from '../../main/kube/client-pool';
import { StoreOperations } from '../../main/engine/operations/store-operations';
import { strategyFor } from '../../main/engine/strategies/registry';
import type { KubeObject } from '../kube-sim/types';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

const STAMPED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /;
let h: Harness;
let store: Store;
let ops: StoreOperations;
let pool: ClientPool;

const podsOf = (component: string): KubeObject[] =>
  h.sim.store
    .list('pods', store.namespace)
    .filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === component);
const restartsOf = (pod: KubeObject | undefined): number =>
  ((pod?.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>)[0]?.restartCount ?? 0;

/** Resolves once a sim object change makes the test true (store events, no polling). */
const simUntil = (test: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    if (test()) return resolve();
    const off = h.sim.store.subscribe(() => {
      if (!test()) return;
      off();
      resolve();
    });
  });

beforeAll(async () => {
  h = await startHarness();
  pool = new ClientPool(h.kubeconfigPath);
  store = await h.createAndSettle('Log Shop');
  expect(store.status).toBe('Ready');
  ops = new StoreOperations({
    clientFor: () => pool.clientFor(CONTEXT),
    strategyFor,
    storeContext: (s) => h.engine.storeContext(s),
    audit: { add: () => undefined },
    actor: 'test:logs',
    emitLogLines: () => undefined,
    savedLogs: h.state.savedLogs,
  });
});

afterAll(async () => {
  ops?.close();
  await h?.close();
});

describe('logs against the simulator', () => {
  it('prefixes lines with the kubelet timestamp only when asked', async () => {
    const plain = await ops.logs(store, { pod: 'mysql', tailLines: 20 });
    const stamped = await ops.logs(store, { pod: 'mysql', tailLines: 20, timestamps: true });
    if (!plain.ok || !stamped.ok) throw new Error('logs failed');
    expect(stamped.value.lines.length).toBeGreaterThan(0);
    for (const line of stamped.value.lines) expect(line).toMatch(STAMPED);
    expect(plain.value.lines.some((l) => STAMPED.test(l))).toBe(false);
    expect(stamped.value.lines.map((l) => l.replace(STAMPED, ''))).toEqual(plain.value.lines);
  });

  it('keeps the setup job log after the Job and its pods are gone, with and without timestamps', async () => {
    const listed = await ops.logs(store, { tailLines: 10 });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.saved).toEqual([
      expect.objectContaining({ component: 'setup', outcome: 'complete', container: 'wp-cli' }),
    ]);
    for (const pod of podsOf('setup')) h.sim.store.delete('pods', store.namespace, pod.metadata.name);
    for (const job of h.sim.store.list('jobs.batch', store.namespace))
      h.sim.store.delete('jobs.batch', store.namespace, job.metadata.name);
    expect(podsOf('setup')).toEqual([]);

    const saved = await ops.logs(store, { pod: 'setup', saved: true, tailLines: 500 });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.source).toBe('saved');
    expect(saved.value.lines).toContain('Store setup complete.');
    // "Open logs" asks for the setup component: with its pod gone, the saved log answers.
    const opened = await ops.logs(store, { pod: 'setup', tailLines: 500 });
    expect(opened.ok && [opened.value.source, opened.value.lines]).toEqual(['saved', saved.value.lines]);
    const stamped = await ops.logs(store, { saved: true, tailLines: 1, timestamps: true });
    expect(stamped.ok && stamped.value.lines).toEqual([expect.stringMatching(STAMPED)]);
    const follow = await ops.startLogFollow(store, { saved: true, tailLines: 10 });
    expect(follow.ok ? null : follow.error.code).toBe('invalid_state');
  });

  it('reads the previous container after a crash, and says plainly when there is none', async () => {
    const none = await ops.logs(store, { pod: 'wordpress', tailLines: 50, previous: true });
    expect(none.ok ? null : none.error).toEqual({
      code: 'invalid_state',
      message: `wordpress in ${podsOf('wordpress')[0]?.metadata.name} has not restarted: there is no previous container to read`,
    });
    // The restarted pod's WordPress crashes (a pod keeps the faults it was created under) and restarts.
    h.sim.setFaults({ crashLoopPattern: '^wordpress:' });
    const restarted = await ops.restart(store, 'wordpress');
    expect(restarted.ok).toBe(true);
    await simUntil(() => podsOf('wordpress').some((p) => restartsOf(p) >= 1));
    const pod = podsOf('wordpress').find((p) => restartsOf(p) >= 1)?.metadata.name as string;

    const previous = await ops.logs(store, { pod, tailLines: 50, previous: true });
    if (!previous.ok) throw new Error(previous.error.message);
    expect(previous.value.lines.join('\n')).toMatch(/PHP Fatal error/);
    const restarts = previous.value.pods.find((p) => p.name === pod)?.restarts.wordpress;
    expect(restarts).toBeGreaterThanOrEqual(1);
  });
});
