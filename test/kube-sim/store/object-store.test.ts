import { describe, expect, it } from 'vitest';
import { StatusError, type KubeObject, type StoreEvent } from '../types.js';
import { createObjectStore } from './object-store.js';
import { RESOURCE_TYPES } from './resource-types.js';

function newStore(historySize?: number) {
  let t = Date.UTC(2026, 0, 1);
  const store = createObjectStore({ types: [...RESOURCE_TYPES], now: () => (t += 1000), historySize });
  store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  return store;
}

const deployment = (name: string, image = 'nginx:1.27'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
  },
});

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('object store', () => {
  it('assigns uid, creationTimestamp, generation 1 and a growing global resourceVersion', () => {
    const store = newStore();
    const a = store.create('deployments.apps', deployment('a'));
    const b = store.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'b', namespace: 'shop' },
    });
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.generation).toBe(1);
    expect(a.metadata.creationTimestamp).toMatch(/^2026-01-01T00:00:\d\dZ$/);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(a.spec.replicas).toBe(1);
  });

  it('bumps generation only when spec changes, and skips identical writes entirely', () => {
    const store = newStore();
    const a = store.create('deployments.apps', deployment('a'));
    const labelled = store.update('deployments.apps', {
      ...a,
      metadata: { ...a.metadata, labels: { tier: 'web' } },
    });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = store.update('deployments.apps', { ...labelled, spec: { ...labelled.spec, replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
    const same = store.update('deployments.apps', scaled);
    expect(same.metadata.resourceVersion).toBe(scaled.metadata.resourceVersion);
    const status = store.updateStatus('deployments.apps', { ...scaled, status: { replicas: 3 } });
    expect(status.metadata.generation).toBe(2);
    expect(status.status).toEqual({ replicas: 3 });
  });

  it('rejects a stale resourceVersion with 409 Conflict', () => {
    const store = newStore();
    const a = store.create('deployments.apps', deployment('a'));
    store.update('deployments.apps', { ...a, spec: { ...a.spec, replicas: 2 } });
    const err = statusOf(() => store.update('deployments.apps', { ...a, spec: { ...a.spec, replicas: 5 } }));
    expect(err.code).toBe(409);
    expect(err.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "a": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('keeps objects with finalizers until the last finalizer is removed', () => {
    const store = newStore();
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    store.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'f', namespace: 'shop', finalizers: ['x/y'] },
    });
    const marked = store.delete('configmaps', 'shop', 'f');
    expect(marked?.metadata.deletionTimestamp).toBeDefined();
    expect(store.get('configmaps', 'shop', 'f')).toBeDefined();
    store.update('configmaps', {
      ...(marked as KubeObject),
      metadata: { ...(marked as KubeObject).metadata, finalizers: [] },
    });
    expect(store.get('configmaps', 'shop', 'f')).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('marks a deleted namespace Terminating and refuses new content in it', () => {
    const store = newStore();
    store.delete('namespaces', undefined, 'shop');
    expect(store.get('namespaces', undefined, 'shop')?.status.phase).toBe('Terminating');
    const err = statusOf(() => store.create('deployments.apps', deployment('late')));
    expect(err.code).toBe(403);
    expect(err.message).toBe(
      'deployments.apps "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );
    expect(
      statusOf(() =>
        store.create('deployments.apps', { ...deployment('x'), metadata: { name: 'x', namespace: 'nope' } }),
      ).code,
    ).toBe(404);
  });

  it('validates names and required fields with 422 Invalid', () => {
    const store = newStore();
    const err = statusOf(() =>
      store.create('deployments.apps', {
        ...deployment('Bad_Name'),
        spec: { template: deployment('x').spec.template },
      }),
    );
    expect(err.code).toBe(422);
    expect(err.details?.causes?.map((c) => c.field)).toEqual(['metadata.name', 'spec.selector']);
    expect(
      statusOf(() =>
        store.create('services', {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { ports: [{}] },
        }),
      ).details?.causes?.[0]?.field,
    ).toBe('spec.ports[0].port');
  });

  it('replays history after a resourceVersion and answers 410 once it fell out of the buffer', () => {
    const store = newStore(3);
    const start = store.currentResourceVersion();
    for (const n of ['a', 'b', 'c'])
      store.create('configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: n, namespace: 'shop' },
      });
    expect(store.eventsSince(start).map((e) => e.object.metadata.name)).toEqual(['a', 'b', 'c']);
    store.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'd', namespace: 'shop' },
    });
    expect(statusOf(() => store.eventsSince(start)).code).toBe(410);
  });

  it('generates names and uids deterministically', () => {
    const names = [newStore(), newStore()].map((s) => {
      const o = s.create('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: '', generateName: 'web-', namespace: 'shop' },
        spec: { containers: [{ name: 'c', image: 'x:1' }] },
      });
      return `${o.metadata.name} ${o.metadata.uid}`;
    });
    expect(names[0]).toMatch(/^web-[a-z0-9]{5} /);
    expect(names[0]).toBe(names[1]);
  });
});
