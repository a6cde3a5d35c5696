// Delete beyond the happy path: while the store is still provisioning (the pass stops, nothing
// is recreated), and a namespace that will not go away (delete says what holds it, keeps the
// store in Deleting, and deleting again once the cause is gone finishes the job).
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../preload/contract';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('delete while provisioning', () => {
  it('stops the pass, removes everything, and nothing comes back', async () => {
    h = await startHarness();
    const harness = h;
    const applied = new Promise<string>((resolve) => {
      const off = harness.engine.bus.subscribe((name, payload) => {
        const event = payload as TimelineEvent;
        if (name === 'timelineEvent' && event.step === 'resources' && event.status === 'completed') {
          off();
          resolve(event.storeId);
        }
      });
    });
    const created = await harness.engine.create({
      name: 'Short Lived',
      adminEmail: 'owner@example.com',
      plan: 'woocommerce',
      context: CONTEXT,
    });
    if (!created.ok) throw new Error(created.error.message);
    await applied;
    expect(harness.state.stores.get(created.value.id)?.status).toBe('Provisioning');

    await harness.engine.delete(created.value.id);
    await harness.engine.settled(created.value.id);

    expect(harness.state.stores.get(created.value.id)).toBeNull();
    expect(harness.sim.store.get('namespaces', undefined, 'store-short-lived')).toBeUndefined();
    // Nothing the stopped pass had in flight recreated the namespace afterwards.
    const creates = harness.sim
      .requests()
      .filter((r) => r.namespace === 'store-short-lived' || r.name === 'store-short-lived');
    const lastDelete = creates.map((r) => r.verb).lastIndexOf('delete');
    expect(creates.slice(lastDelete + 1).filter((r) => r.verb === 'patch' && r.status < 300)).toEqual([]);
  });
});

describe('stuck delete', () => {
  it('says which condition holds the namespace, then finishes when deleted again', async () => {
    h = await startHarness({
      deleteTimeoutMs: 1500,
      sim: { faults: { hangNamespacePattern: '^store-stuck-shop$' } },
    });
    const store = await h.createAndSettle('Stuck Shop');
    expect(store.status).toBe('Ready');

    await h.engine.delete(store.id);
    await h.engine.settled(store.id);
    const stuck = h.state.stores.get(store.id);
    expect(stuck).toMatchObject({ status: 'Deleting', errorStep: 'delete' });
    expect(stuck?.errorMessage).toMatch(/^Namespace store-stuck-shop still exists after 2 s: /);
    expect(stuck?.errorMessage).toMatch(/finalizers on the namespace: kubernetes/);
    // The namespace's own conditions, as the namespace controller reports them.
    expect(stuck?.errorMessage).toMatch(
      /(NamespaceContentRemaining|NamespaceFinalizersRemaining|NamespaceDeletionDiscoveryFailure): /,
    );
    expect(h.state.events.list(store.id).at(-1)).toMatchObject({ step: 'delete', status: 'failed' });

    h.sim.setFaults({ hangNamespacePattern: null });
    // kube-sim does not requeue its controllers when a fault is cleared; touching what is left
    // (as an admin's fix would) makes the PVC and namespace controllers look again.
    const sim = h.sim;
    for (const pvc of sim.store.list('persistentvolumeclaims', 'store-stuck-shop')) {
      sim.store.update('persistentvolumeclaims', {
        ...pvc,
        metadata: {
          ...pvc.metadata,
          annotations: { ...pvc.metadata.annotations, 'example.com/fixed': 'true' },
        },
      });
    }
    const again = await h.engine.delete(store.id);
    expect(again).toMatchObject({ ok: true, value: { status: 'Deleting', errorMessage: null } });
    await h.engine.settled(store.id);
    expect(h.state.stores.get(store.id)).toBeNull();
    expect(h.sim.store.get('namespaces', undefined, 'store-stuck-shop')).toBeUndefined();
  }, 30_000);
});

describe('delete timeline', () => {
  it('starts once (written with the Deleting status) and ends when the namespace is gone', async () => {
    h = await startHarness();
    const harness = h;
    const store = await harness.createAndSettle('Brief Shop');
    expect(store.status).toBe('Ready');
    const lines: string[] = [];
    const off = harness.engine.bus.subscribe((name, payload) => {
      const event = payload as TimelineEvent;
      if (name === 'timelineEvent' && event.storeId === store.id && event.step === 'delete')
        lines.push(`${event.status}: ${event.message}`);
    });
    await harness.engine.delete(store.id);
    // The request wrote the first line before it returned; the pass does not repeat it.
    expect(lines).toEqual([`started: Deleting namespace ${store.namespace} and everything in it`]);
    await harness.engine.settled(store.id);
    off();
    expect(lines).toEqual([
      `started: Deleting namespace ${store.namespace} and everything in it`,
      `completed: Namespace ${store.namespace} is gone`,
    ]);
    expect(harness.state.stores.get(store.id)).toBeNull();
  });
});
