// Issue 7 acceptance (ownership): a store-<slug> namespace Storedeck did not create for the store
// is never adopted, read inside, written or deleted — not at create, not on a later pass, not
// on delete (uid precondition), not by reveal/logs/restart; two data dirs on one cluster keep
// to their own stores. The simulator's request log is the witness.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../preload/contract';
import { Engine } from '../../main/engine/engine';
import { StoreOperations } from '../../main/engine/operations/store-operations';
import { strategyFor } from '../../main/engine/strategies/registry';
import { KubeClient } from '../../main/kube/client';
import { ClientPool } from '../../main/kube/client-pool';
import { KINDS } from '../../main/kube/kinds';
import { openState, type State } from '../../main/state/open-state';
import type { StoreEvent } from '../kube-sim/types';
import type { RequestLogEntry } from '../kube-sim/server/request-log';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const clean of cleanups.splice(0).reverse()) await clean();
  await h?.close();
  h = undefined;
});

const NOT_OURS = /^store-[a-z0-9-]+ exists and is not a Storedeck store \(/;
const WRITES = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/** Everything a request did to one namespace: the namespace object itself or anything inside it. */
function touching(sim: Harness['sim'], namespace: string): RequestLogEntry[] {
  return sim
    .requests()
    .filter((r) => r.namespace === namespace || (r.resource === 'namespaces' && r.name === namespace));
}

/** The only thing allowed against a foreign namespace: reading the Namespace object's labels. */
function expectOnlyNamespaceReads(sim: Harness['sim'], namespace: string): void {
  const seen = touching(sim, namespace);
  expect(seen.filter((r) => r.namespace === namespace)).toEqual([]);
  expect(seen.filter((r) => WRITES.has(r.verb))).toEqual([]);
  expect(seen.every((r) => r.verb === 'get' && r.resource === 'namespaces')).toBe(true);
}

// Someone else on the cluster: the admin, not the engine's least-privilege user.
const adminClient = (harness: Harness): KubeClient =>
  new ClientPool(harness.adminKubeconfigPath).clientFor(CONTEXT);

async function createForeignNamespace(harness: Harness, name: string) {
  const client = adminClient(harness);
  await client.core.createNamespace({ body: { metadata: { name, labels: { team: 'other' } } } });
  await client.core.createNamespacedSecret({
    namespace: name,
    body: { metadata: { name: 'wordpress-secrets' }, stringData: { 'admin-password': 'not-yours' } },
  });
  return harness.sim.store.get('namespaces', undefined, name);
}

/** Resolves when the namespace has left the simulator's store. */
function namespaceGone(sim: Harness['sim'], name: string): Promise<void> {
  return new Promise((resolve) => {
    if (!sim.store.get('namespaces', undefined, name)) return resolve();
    const off = sim.store.subscribe((e: StoreEvent) => {
      if (e.key === 'namespaces' && e.type === 'DELETED' && e.object.metadata.name === name) {
        off();
        resolve();
      }
    });
  });
}

/** Deletes the store's namespace behind the engine's back and puts a stranger's in its place. */
async function replaceNamespace(harness: Harness, name: string) {
  const gone = namespaceGone(harness.sim, name);
  await adminClient(harness).core.deleteNamespace({ name });
  await gone;
  return createForeignNamespace(harness, name);
}

/** A second data dir (a second laptop) with its own engine on the same cluster. */
function secondLaptop(kubeconfigPath: string): { state: State; engine: Engine; pool: ClientPool } {
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-laptop-b-'));
  const state = openState(path.join(dir, 'storedeck.db'));
  const pool = new ClientPool(kubeconfigPath);
  const engine = new Engine({
    ...state,
    clientFor: (context) => pool.clientFor(context),
    isLocalContext: (context) => pool.isLocal(context),
    actor: 'test:laptop-b',
  });
  cleanups.push(async () => {
    await engine.stop();
    state.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { state, engine, pool };
}

function operationsOn(pool: ClientPool, engine: Engine): StoreOperations {
  const ops = new StoreOperations({
    clientFor: () => pool.clientFor(CONTEXT),
    strategyFor,
    storeContext: (s) => engine.storeContext(s),
    audit: { add: () => undefined },
    actor: 'test:ownership',
    emitLogLines: () => undefined,
  });
  cleanups.push(() => ops.close());
  return ops;
}

describe('a namespace Storedeck did not create', () => {
  it('is refused at create, nothing inside it is read or written, and deleting the store leaves it', async () => {
    h = await startHarness();
    const before = await createForeignNamespace(h, 'store-taken');
    h.sim.clearRequests();

    const store = await h.createAndSettle('Taken');
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'namespace' });
    expect(store.errorMessage).toMatch(NOT_OURS);
    expect(store.errorMessage).toContain('store-taken exists and is not a Storedeck store');
    expect(store.errorMessage).toContain('no storedeck.dev/store-id label');
    expectOnlyNamespaceReads(h.sim, 'store-taken');

    // It never had a namespace: deleting it removes only its row, never the stranger's namespace.
    await h.engine.delete(store.id);
    await h.engine.settled(store.id);
    expect(h.state.stores.get(store.id)).toBeNull();
    expectOnlyNamespaceReads(h.sim, 'store-taken');
    const after = h.sim.store.get('namespaces', undefined, 'store-taken');
    expect(after?.metadata.uid).toBe(before?.metadata.uid);
    expect(after?.metadata.labels).toEqual(before?.metadata.labels);
    expect(h.sim.store.get('secrets', 'store-taken', 'wordpress-secrets')).toBeDefined();
  }, 30_000);
});

describe('a namespace replaced behind our back', () => {
  it('fails the next pass and refuses the delete, without reading or deleting the replacement', async () => {
    h = await startHarness();
    const store = await h.createAndSettle('Swap');
    expect(store.status).toBe('Ready');
    const foreign = await replaceNamespace(h, 'store-swap');
    h.sim.clearRequests();

    // Every pass re-checks: a drift check of the Ready store refuses instead of adopting.
    await h.engine.reconcileNow(store.id);
    await h.engine.settled(store.id);
    const failed = h.state.stores.get(store.id);
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'namespace' });
    expect(failed?.errorMessage).toMatch(NOT_OURS);
    expectOnlyNamespaceReads(h.sim, 'store-swap');

    await h.engine.delete(store.id);
    await h.engine.settled(store.id);
    const refused = h.state.stores.get(store.id);
    expect(refused).toMatchObject({ status: 'Deleting', errorStep: 'delete' });
    expect(refused?.errorMessage).toContain('store-swap exists and is not a Storedeck store');
    expect(refused?.errorMessage).toContain('did not delete it');
    expect(h.state.events.list(store.id).at(-1)).toMatchObject({ step: 'delete', status: 'failed' });
    expectOnlyNamespaceReads(h.sim, 'store-swap');
    expect(h.sim.store.get('namespaces', undefined, 'store-swap')?.metadata.uid).toBe(foreign?.metadata.uid);
  }, 30_000);

  // An admin's delete reaches the uid precondition (409); the chart's user is refused earlier by
  // RBAC (403: its rights there came from the binding inside the namespace that was replaced).
  it.each([
    ['a cluster admin, by the uid precondition', true, 409],
    ['the chart’s ServiceAccount, by RBAC', false, 403],
  ])(
    'is kept, for %s, when it is replaced between the owner check and the delete',
    async (_who, asAdmin, code) => {
      h = await startHarness({ asAdmin });
      const store = await h.createAndSettle('Race');
      expect(store.status).toBe('Ready');
      // What the engine reads as its owner check: its own namespace, as it was a moment ago.
      const stale = await adminClient(h).get(KINDS.Namespace, undefined, 'store-race');
      const foreign = await replaceNamespace(h, 'store-race');
      const realGet = KubeClient.prototype.get;
      let served = false;
      vi.spyOn(KubeClient.prototype, 'get').mockImplementation(function (
        this: KubeClient,
        kind,
        ns,
        name,
        signal,
      ) {
        if (!served && kind.kind === 'Namespace' && name === 'store-race') {
          served = true;
          return Promise.resolve(stale);
        }
        return realGet.call(this, kind, ns, name, signal);
      });
      h.sim.clearRequests();

      await h.engine.delete(store.id);
      await h.engine.settled(store.id);

      const deletes = h.sim.requests().filter((r) => r.verb === 'delete' && r.name === 'store-race');
      expect(deletes.map((r) => r.status)).toEqual([code]);
      expect(h.sim.store.get('namespaces', undefined, 'store-race')?.metadata.uid).toBe(
        foreign?.metadata.uid,
      );
      expect(h.state.stores.get(store.id)).toMatchObject({ status: 'Deleting', errorStep: 'delete' });
      expect(h.state.stores.get(store.id)?.errorMessage).toMatch(NOT_OURS);
    },
    30_000,
  );
});

describe('two data dirs on one cluster', () => {
  it('never adopt, reveal, restart or delete each other’s stores', async () => {
    h = await startHarness();
    const mine = await h.createAndSettle('Shared Name');
    expect(mine.status).toBe('Ready');
    const uid = h.sim.store.get('namespaces', undefined, 'store-shared-name')?.metadata.uid;
    const b = secondLaptop(h.kubeconfigPath);
    h.sim.clearRequests();

    const created = await b.engine.create({
      name: 'Shared Name',
      adminEmail: 'b@example.com',
      plan: 'woocommerce',
      context: CONTEXT,
    });
    if (!created.ok) throw new Error(created.error.message);
    await b.engine.settled(created.value.id);
    const theirs = b.state.stores.get(created.value.id) as Store;
    expect(theirs).toMatchObject({ status: 'Failed', errorStep: 'namespace' });
    expect(theirs.errorMessage).toContain('its storedeck.dev/store-id label names another store');

    const ops = operationsOn(b.pool, b.engine);
    const reveal = await ops.revealPassword(theirs);
    expect(reveal.ok ? 'revealed' : reveal.error).toMatchObject({ code: 'forbidden' });
    if (!reveal.ok) expect(reveal.error.message).toMatch(NOT_OURS);
    const logs = await ops.logs(theirs, { tailLines: 10 });
    expect(logs.ok ? 'read' : logs.error.code).toBe('forbidden');
    const health = await ops.health(theirs);
    expect(health.ok ? 'read' : health.error.code).toBe('forbidden');
    // restart refuses a Failed store only if it is not ours; the state check passes for Failed.
    const restart = await ops.restart(theirs, 'all');
    expect(restart.ok ? 'restarted' : restart.error.code).toBe('forbidden');

    await b.engine.delete(theirs.id);
    await b.engine.settled(theirs.id);
    expect(b.state.stores.get(theirs.id)).toBeNull();

    expectOnlyNamespaceReads(h.sim, 'store-shared-name');
    expect(h.sim.store.get('namespaces', undefined, 'store-shared-name')?.metadata.uid).toBe(uid);
    expect(h.state.stores.get(mine.id)?.status).toBe('Ready');
  }, 30_000);
});
