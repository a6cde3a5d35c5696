// Store operations against kube-sim through the real client: health, log tail and follow,
// rollout restart (surviving the engine's own SSA), password reveal and reset (Secret, pinned
// Job, clean-up, rollback on failure), and the audit trail each leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, Store } from '../../preload/contract';
import type { ApiObject } from '../../main/kube/kube-object';
import { ClientPool } from '../../main/kube/client-pool';
import { KINDS } from '../../main/kube/kinds';
import { waitFor, watchUntil } from '../../main/kube/watch-wait';
import type { AuditSink } from '../../main/engine/operations/audited';
import { StoreOperations } from '../../main/engine/operations/store-operations';
import { strategyFor } from '../../main/engine/strategies/registry';
import type { KubeObject } from '../kube-sim/types';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness;
let store: Store;
let ops: StoreOperations;
let pool: ClientPool;
const audit: Array<Parameters<AuditSink['add']>[0]> = [];
const logEvents: Array<EventOf<'logLines'>> = [];
const logListeners = new Set<(payload: EventOf<'logLines'>) => void>();
const createdJobs: KubeObject[] = [];

const client = () => pool.clientFor(CONTEXT);
const secretPassword = (): string => {
  const secret = h.sim.store.get('secrets', store.namespace, 'wordpress-secrets');
  const data = (secret?.data ?? {}) as Record<string, string>;
  return Buffer.from(String(data['admin-password']), 'base64').toString('utf8');
};
const podsOf = (component: string) =>
  h.sim.store
    .list('pods', store.namespace)
    .filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === component);

/** Resolves with the first logLines payload of a subscription that satisfies the test. */
const nextLog = (id: () => string, test: (p: EventOf<'logLines'>) => boolean): Promise<EventOf<'logLines'>> =>
  new Promise((resolve) => {
    const seen = logEvents.find((p) => p.subscriptionId === id() && test(p));
    if (seen) return resolve(seen);
    const listener = (p: EventOf<'logLines'>) => {
      if (p.subscriptionId !== id() || !test(p)) return;
      logListeners.delete(listener);
      resolve(p);
    };
    logListeners.add(listener);
  });

/** Resolves once the reset Job's pods are gone too (deleted with the Job, in the background). */
const resetPodsGone = () =>
  watchUntil(
    client(),
    {
      pods: {
        kind: KINDS.Pod,
        scope: { namespace: store.namespace, labelSelector: 'app.kubernetes.io/component=password-reset' },
      },
    },
    ({ pods }) => (pods.length === 0 ? true : undefined),
    { timeoutMs: 20_000, what: 'password-reset pods to be gone' },
  );

/** Watches the deployment until its rollout finished (all replicas updated and available). */
const rolledOut = (name: string) =>
  waitFor(
    client(),
    KINDS.Deployment,
    store.namespace,
    name,
    (d: ApiObject) =>
      (d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1) &&
      d.status?.updatedReplicas === d.spec?.replicas &&
      d.status?.availableReplicas === d.spec?.replicas &&
      (d.status?.replicas ?? 0) === d.spec?.replicas,
    { timeoutMs: 20_000 },
  );

beforeAll(async () => {
  h = await startHarness();
  pool = new ClientPool(h.kubeconfigPath);
  h.sim.store.subscribe((event) => {
    if (event.key === 'jobs.batch' && event.type === 'ADDED') createdJobs.push(event.object);
  });
  store = await h.createAndSettle('Ops Shop');
  expect(store.status).toBe('Ready');
  ops = new StoreOperations({
    clientFor: () => client(),
    strategyFor,
    storeContext: (s) => h.engine.storeContext(s),
    audit: { add: (entry) => audit.push(entry) },
    actor: 'test:ops',
    emitLogLines: (payload) => {
      logEvents.push(payload);
      for (const listener of [...logListeners]) listener(payload);
    },
    passwordResetTimeoutMs: 20_000,
  });
});

afterAll(async () => {
  ops?.close();
  await h?.close();
});

describe('operations against the simulator', () => {
  it('reports pods, containers, volumes and quota of the store', async () => {
    const result = await ops.health(store);
    if (!result.ok) throw new Error(result.error.message);
    const health = result.value;
    const wordpress = health.pods.find((p) => p.component === 'wordpress');
    expect(wordpress).toMatchObject({ phase: 'Running', ready: true, restarts: 0 });
    expect(wordpress?.node).toMatch(/\S/);
    expect(wordpress?.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(wordpress?.containers[0]).toMatchObject({ name: 'wordpress', state: 'running', ready: true });
    expect(wordpress?.containers[0]?.requests.cpu).not.toBeNull();
    expect(wordpress?.containers[0]?.limits.memory).not.toBeNull();
    expect(health.pods.find((p) => p.component === 'mysql')).toMatchObject({ phase: 'Running', ready: true });
    expect(health.pvcs.map((v) => [v.name, v.phase, v.capacity])).toEqual([
      ['mysql-data', 'Bound', '1Gi'],
      ['wordpress-data', 'Bound', '1Gi'],
    ]);
    expect(health.quota?.hard).toMatchObject({
      pods: '10',
      persistentvolumeclaims: '4',
      'requests.cpu': '2',
      'requests.memory': '2Gi',
    });
    expect(Number(health.quota?.used.pods)).toBeGreaterThanOrEqual(2);
  });

  it('tails a container log by component and lists pods for the picker', async () => {
    const result = await ops.logs(store, { pod: 'mysql', tailLines: 50 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pod).toBe(podsOf('mysql')[0]?.metadata.name);
    expect(result.value.container).toBe('mysql');
    expect(result.value.lines.length).toBeGreaterThan(0);
    expect(result.value.lines.length).toBeLessThanOrEqual(50);
    expect(result.value.pods.map((p) => p.component).sort()).toEqual(
      expect.arrayContaining(['mysql', 'setup', 'wordpress']),
    );
    const missing = await ops.logs(store, { pod: 'redis', tailLines: 50 });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('follows a finished setup pod to the end of its log, announcing the end only once the id is known', async () => {
    const order: string[] = [];
    const onEnd = (p: EventOf<'logLines'>) => void (p.ended && order.push(`ended ${p.subscriptionId}`));
    logListeners.add(onEnd);
    const started = await ops.startLogFollow(store, { pod: 'setup', tailLines: 50 });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.subscriptionId;
    order.push(`returned ${id}`);
    await nextLog(
      () => id,
      (p) => p.ended,
    );
    logListeners.delete(onEnd);
    expect(order).toEqual([`returned ${id}`, `ended ${id}`]);
    const lines = logEvents.filter((p) => p.subscriptionId === id).flatMap((p) => p.lines);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('reveals the admin password from the Secret and audits it without the password', async () => {
    const result = await ops.revealPassword(store);
    expect(result).toEqual({ ok: true, value: { username: 'admin', password: secretPassword() } });
    const entry = audit.find((e) => e.action === 'reveal-password');
    expect(entry).toMatchObject({ name: 'Ops Shop', actor: 'test:ops' });
    expect(JSON.stringify(entry)).not.toContain(secretPassword());
  });

  it('resets the password: new one in the Secret, applied by a Job pinned to the WordPress node, Job removed', async () => {
    const before = secretPassword();
    const result = await ops.resetPassword(store);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.password).not.toBe(before);
    expect(result.value.password).toHaveLength(24);
    expect(secretPassword()).toBe(result.value.password);
    const job = createdJobs.find((j) => j.metadata.name.startsWith('admin-password-reset-'));
    const wpNode = podsOf('wordpress')[0]?.spec?.nodeName;
    const terms =
      job?.spec?.template?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
        ?.nodeSelectorTerms;
    expect(terms?.[0]?.matchFields?.[0]?.values).toEqual([wpNode]);
    expect(h.sim.store.list('jobs.batch', store.namespace).map((j) => j.metadata.name)).not.toContainEqual(
      expect.stringMatching(/^admin-password-reset-/),
    );
    expect((await ops.revealPassword(store)).ok && secretPassword()).toBe(result.value.password);
    await resetPodsGone();
  });

  it('keeps the previous password when the reset Job fails, and says so', async () => {
    const before = secretPassword();
    h.sim.setFaults({ jobFailPattern: '^admin-password-reset-' });
    try {
      const result = await ops.resetPassword(store);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error.message).toMatch(/previous password is still in effect/);
    } finally {
      h.sim.setFaults({ jobFailPattern: null });
    }
    expect(secretPassword()).toBe(before);
    expect(h.sim.store.list('jobs.batch', store.namespace).map((j) => j.metadata.name)).not.toContainEqual(
      expect.stringMatching(/^admin-password-reset-/),
    );
    expect(
      audit.filter((e) => e.action === 'reset-password').map((e) => e.details?.split(';')[1]?.trim()),
    ).toEqual(['ok', 'failed']);
    await resetPodsGone();
  });

  it('refuses a password reset on a store that is not Ready, without touching the cluster', async () => {
    const result = await ops.resetPassword({ ...store, status: 'Provisioning' });
    expect(result.ok ? null : result.error.code).toBe('invalid_state');
  });

  it('follows a log and ends the session when the pod goes away in a restart', async () => {
    const started = await ops.startLogFollow(store, { pod: 'wordpress', tailLines: 50 });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.subscriptionId;
    const firstLines = await nextLog(
      () => id,
      (p) => p.lines.length > 0,
    );
    expect(firstLines.ended).toBe(false);
    // The tail arrives batched, not as one event per line.
    expect(firstLines.lines.length).toBeGreaterThan(1);
    const restarted = await ops.restart(store, 'wordpress');
    expect(restarted).toEqual({ ok: true, value: { restarted: ['wordpress'] } });
    const ended = await nextLog(
      () => id,
      (p) => p.ended,
    );
    expect(ended.subscriptionId).toBe(id);
    expect(ops.stopLogFollow(id)).toEqual({ ok: true, value: {} });
    await rolledOut('wordpress');
  });

  it('restarts like kubectl rollout restart, under its own field manager, and a reconcile keeps the stamp', async () => {
    const oldPods = podsOf('mysql').map((p) => p.metadata.name);
    const result = await ops.restart(store, 'mysql');
    expect(result).toEqual({ ok: true, value: { restarted: ['mysql'] } });
    const deployment = h.sim.store.get('deployments.apps', store.namespace, 'mysql');
    const stamp = deployment?.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];
    expect(Date.parse(stamp)).not.toBeNaN();
    expect(
      (deployment?.metadata.managedFields as Array<{ manager: string }>).map((f) => f.manager),
    ).toContain('storedeck-restart');
    await rolledOut('mysql');
    expect(podsOf('mysql').map((p) => p.metadata.name)).not.toEqual(expect.arrayContaining(oldPods));

    const again = await h.engine.reconcileNow(store.id);
    expect(again.ok).toBe(true);
    await h.engine.settled(store.id);
    expect(h.state.stores.get(store.id)?.status).toBe('Ready');
    expect(
      h.sim.store.get('deployments.apps', store.namespace, 'mysql')?.spec?.template?.metadata?.annotations?.[
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBe(stamp);
  });

  it('restarts all deployments together and audits component and result', async () => {
    const result = await ops.restart(store, 'all');
    expect(result).toEqual({ ok: true, value: { restarted: ['mysql', 'wordpress'] } });
    expect(audit.at(-1)).toMatchObject({
      action: 'restart',
      details: `id=${store.id} component=all; ok; restarted=mysql,wordpress`,
    });
    await Promise.all([rolledOut('mysql'), rolledOut('wordpress')]);
    const refused = await ops.restart({ ...store, status: 'Deleting' }, 'all');
    expect(refused.ok ? null : refused.error.code).toBe('invalid_state');
  });
});
