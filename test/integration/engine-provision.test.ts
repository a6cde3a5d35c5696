// Issue 4 acceptance, against kube-sim through the real client: a store reaches Ready with
// exactly its 16 objects, a second pass writes nothing, drift is repaired, Ready follows the
// cluster within 1 s, and delete leaves nothing but the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, TimelineEvent } from '../../preload/contract';
import { ANNOTATION } from '../../main/engine/model/labels';
import { SETUP_COMPLETED_ANNOTATION } from '../../main/engine/run-setup';
import { CHECKOUT_STEP } from '../../main/engine/verify-checkout';
import type { KubeObject } from '../kube-sim/types';
import { startHarness, type Harness } from './fixtures/engine-harness';

const STORE_KINDS: Array<[key: string, kind: string]> = [
  ['secrets', 'Secret'],
  ['configmaps', 'ConfigMap'],
  ['resourcequotas', 'ResourceQuota'],
  ['limitranges', 'LimitRange'],
  ['persistentvolumeclaims', 'PersistentVolumeClaim'],
  ['deployments.apps', 'Deployment'],
  ['services', 'Service'],
  ['jobs.batch', 'Job'],
  ['ingresses.networking.k8s.io', 'Ingress'],
  ['networkpolicies.networking.k8s.io', 'NetworkPolicy'],
];

const EXPECTED = [
  'Namespace store-corner-shop',
  'Secret mysql-credentials',
  'Secret wordpress-secrets',
  'ResourceQuota store-quota',
  'LimitRange store-limits',
  'PersistentVolumeClaim mysql-data',
  'PersistentVolumeClaim wordpress-data',
  'Deployment mysql',
  'Service mysql',
  'Deployment wordpress',
  'Service wordpress',
  'Job woocommerce-setup',
  'Ingress wordpress-ingress',
  'NetworkPolicy store-isolation',
  'NetworkPolicy setup-egress',
  'ConfigMap php-config',
].sort();

let h: Harness;
let store: Store;
let jobCompleteAt: number | null = null;
let readyAt: number | null = null;
let checkoutStartedAt: number | null = null;
let checkoutDoneAt: number | null = null;

function objectsOf(namespace: string): KubeObject[] {
  const ns = h.sim.store.get('namespaces', undefined, namespace);
  return [...(ns ? [ns] : []), ...STORE_KINDS.flatMap(([key]) => h.sim.store.list(key, namespace))];
}

beforeAll(async () => {
  h = await startHarness();
  // Both instants on the sim's clock: when the Job's Complete condition is written, and when
  // the engine announces Ready.
  h.sim.store.subscribe((event) => {
    const complete = (event.object.status?.conditions ?? []).some(
      (c: { type: string; status: string }) => c.type === 'Complete' && c.status === 'True',
    );
    if (event.key === 'jobs.batch' && complete && jobCompleteAt === null) jobCompleteAt = h.sim.clock.now();
  });
  h.engine.bus.subscribe((name, payload) => {
    if (name === 'storeChanged' && (payload as Store).status === 'Ready' && readyAt === null)
      readyAt = h.sim.clock.now();
    const event = payload as TimelineEvent;
    if (name === 'timelineEvent' && event.step === CHECKOUT_STEP) {
      if (event.status === 'started') checkoutStartedAt ??= h.sim.clock.now();
      if (event.status === 'completed') checkoutDoneAt ??= h.sim.clock.now();
    }
  });
  store = await h.createAndSettle('Corner Shop');
});

afterAll(async () => {
  await h?.close();
});

describe('create', () => {
  it('reaches Ready with a storefront and admin URL on <slug>.localhost', () => {
    expect(store).toMatchObject({
      status: 'Ready',
      errorStep: null,
      url: expect.stringContaining('corner-shop.localhost'),
      adminUrl: expect.stringContaining('corner-shop.localhost'),
    });
    expect(store.provisionedAt).not.toBeNull();
  });

  it('made exactly the 16 objects, each labelled as Storedeck-managed with the store id', () => {
    const objects = objectsOf('store-corner-shop');
    expect(objects.map((o) => `${o.kind} ${o.metadata.name}`).sort()).toEqual(EXPECTED);
    for (const o of objects) {
      expect(o.metadata.labels, `${o.kind} ${o.metadata.name}`).toMatchObject({
        'app.kubernetes.io/managed-by': 'storedeck',
        'storedeck.dev/store-id': store.id,
      });
    }
  });

  it('lets the NetworkPolicy in from the detected controller namespace (k3s: kube-system)', () => {
    const policy = h.sim.store.get(
      'networkpolicies.networking.k8s.io',
      'store-corner-shop',
      'store-isolation',
    );
    expect(JSON.stringify(policy?.spec)).toContain('kube-system');
    expect(JSON.stringify(policy?.spec)).not.toContain('ingress-nginx');
  });

  it('sent the fields the client models rename (LimitRange default) intact', () => {
    const limits = h.sim.store.get('limitranges', 'store-corner-shop', 'store-limits');
    const container = (limits?.spec.limits as Array<Record<string, unknown>>).find(
      (l) => l.type === 'Container',
    );
    expect(container).toMatchObject({
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '256Mi' },
    });
  });

  it('ran the setup job on the WordPress pod node, and recorded its success on the namespace', () => {
    const pods = h.sim.store.list('pods', 'store-corner-shop');
    const wordpress = pods.find(
      (p) =>
        p.metadata.labels?.['app.kubernetes.io/component'] === 'wordpress' && !p.metadata.deletionTimestamp,
    );
    const setup = pods.find((p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'setup');
    expect(setup?.spec.nodeName).toBeTruthy();
    expect(setup?.spec.nodeName).toBe(wordpress?.spec.nodeName);
    const ns = h.sim.store.get('namespaces', undefined, 'store-corner-shop');
    expect(ns?.metadata.annotations?.[SETUP_COMPLETED_ANNOTATION]).toBe('1');
  });

  it('wrote a started and a completed event for every step, in order', () => {
    const events = h.state.events.list(store.id);
    const completed = events.filter((e) => e.status === 'completed').map((e) => e.step);
    // The two waits run together, so either may finish first.
    expect(completed.filter((s) => !s.startsWith('wait-'))).toEqual([
      'ingress',
      'namespace',
      'secrets',
      'resources',
      'setup',
      'checkout',
      'ready',
    ]);
    expect(completed.filter((s) => s.startsWith('wait-')).sort()).toEqual(['wait-mysql', 'wait-wordpress']);
    expect(
      events
        .filter((e) => e.status === 'started')
        .map((e) => e.step)
        .sort(),
    ).toEqual(
      [
        'ingress',
        'namespace',
        'secrets',
        'resources',
        'wait-mysql',
        'wait-wordpress',
        'setup',
        'checkout',
      ].sort(),
    );
    expect(events.filter((e) => e.status === 'failed')).toEqual([]);
  });

  // The watch brings the store back the moment the Job completes: without it the next pass would
  // come at the requeue time, minutes away. 1 s leaves room for a busy CI machine.
  it('starts the checkout within 1 s of the setup job completing, and is Ready within 1 s of it passing (sim clock)', () => {
    expect(jobCompleteAt).not.toBeNull();
    expect(checkoutDoneAt).not.toBeNull();
    expect(readyAt).not.toBeNull();
    const toCheckout = (checkoutStartedAt as number) - (jobCompleteAt as number);
    expect(toCheckout).toBeGreaterThanOrEqual(0);
    expect(toCheckout).toBeLessThan(1000);
    const toReady = (readyAt as number) - (checkoutDoneAt as number);
    expect(toReady).toBeGreaterThanOrEqual(0);
    expect(toReady).toBeLessThan(1000);
  });

  it('verified the checkout through the storefront API and left the shop with no orders', () => {
    const done = h.state.events
      .list(store.id)
      .find((e) => e.step === CHECKOUT_STEP && e.status === 'completed');
    expect(done?.message).toMatch(/^Checkout verified \(test order placed and removed\)/);
    expect(h.sim.woocommerce.orders('store-corner-shop')).toEqual([]);
    const ns = h.sim.store.get('namespaces', undefined, 'store-corner-shop');
    expect(ns?.metadata.annotations?.[ANNOTATION.checkoutVerified]).toBe('1');
  });
});

describe('reconcile again', () => {
  it('a second pass over a Ready store changes nothing in the cluster', async () => {
    h.sim.clearRequests();
    const events = h.state.events.list(store.id).length;
    const again = await h.engine.reconcileNow(store.id);
    expect(again.ok).toBe(true);
    await h.engine.settled(store.id);
    expect(h.effectiveWrites()).toEqual([]);
    // It did re-apply the Namespace, the store role's RoleBinding and the 12 other objects (as
    // no-ops; Secrets and the finished setup are left alone), and it left the timeline alone.
    expect(h.sim.requests().filter((r) => r.verb === 'patch' && r.noop)).toHaveLength(14);
    expect(h.state.events.list(store.id)).toHaveLength(events);
    expect(h.state.stores.get(store.id)?.status).toBe('Ready');
  });

  it('restores a deleted Service and takes back a field a person edited', async () => {
    h.sim.store.delete('services', 'store-corner-shop', 'wordpress');
    const mysql = h.sim.store.get('deployments.apps', 'store-corner-shop', 'mysql') as KubeObject;
    h.sim.store.update('deployments.apps', { ...mysql, spec: { ...mysql.spec, replicas: 0 } });
    expect(h.sim.store.get('services', 'store-corner-shop', 'wordpress')).toBeUndefined();

    await h.engine.reconcileNow(store.id);
    await h.engine.settled(store.id);

    expect(h.sim.store.get('services', 'store-corner-shop', 'wordpress')).toBeDefined();
    expect(h.sim.store.get('deployments.apps', 'store-corner-shop', 'mysql')?.spec.replicas).toBe(1);
    const restored = h.state.events
      .list(store.id)
      .filter((e) => e.step === 'resources' && e.status === 'completed')
      .at(-1);
    expect(restored?.message).toMatch(/Restored Service wordpress/);
    expect(h.state.stores.get(store.id)?.status).toBe('Ready');
    expect(objectsOf('store-corner-shop')).toHaveLength(16);
  });
});

describe('delete', () => {
  it('removes the namespace, then the rows; the audit entries stay', async () => {
    const removed = new Promise<void>((resolve) => {
      const off = h.engine.bus.subscribe((name, payload) => {
        if (name === 'storeRemoved' && (payload as { id: string }).id === store.id) {
          off();
          resolve();
        }
      });
    });
    const deleting = await h.engine.delete(store.id);
    expect(deleting).toMatchObject({ ok: true, value: { status: 'Deleting' } });
    await removed;

    expect(h.sim.store.get('namespaces', undefined, 'store-corner-shop')).toBeUndefined();
    const leftovers = h.sim.store.types
      .filter((t) => t.namespaced)
      .flatMap((t) => h.sim.store.list(t.group ? `${t.plural}.${t.group}` : t.plural))
      .filter((o) => o.metadata.labels?.['storedeck.dev/store-id'] === store.id);
    expect(leftovers).toEqual([]);
    expect(h.state.stores.get(store.id)).toBeNull();
    expect(h.state.events.list(store.id)).toEqual([]);
    const audit = h.state.audit
      .list(50)
      .filter((a) => a.name === 'Corner Shop')
      .map((a) => a.action);
    expect(audit.sort()).toEqual(['create', 'delete', 'reconcile', 'reconcile']);
  });
});
