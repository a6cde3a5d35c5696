// A namespace that will not go away: delete reports what holds it and keeps the store in
// Deleting; deleting again once the cause is gone finishes the job.
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
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
