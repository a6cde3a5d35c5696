import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreSchema } from '../../preload/contract';
import { openState, type State } from './open-state';
import type { NewStore } from './stores.repo';

let state: State;
let tick: number;
beforeEach(() => {
  tick = 0;
  // A clock that advances 1 ms per call makes ordering and updated_at observable.
  state = openState(':memory:', {
    clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, tick++)).toISOString(),
  });
});
afterEach(() => state.close());

function newStore(overrides: Partial<NewStore> = {}): NewStore {
  const slug = overrides.slug ?? 'shop';
  return {
    name: 'Shop',
    slug,
    namespace: `store-${slug}`,
    plan: 'woocommerce',
    context: 'kind-dev',
    adminEmail: 'owner@example.com',
    ...overrides,
  };
}

function insert(overrides: Partial<NewStore> = {}) {
  const result = state.stores.insert(newStore(overrides));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('StoresRepo', () => {
  it('inserts a Queued store with a UUID and returns it as the contract Store', () => {
    const store = insert({ name: 'My Shop', slug: 'my-shop' });
    expect(StoreSchema.parse(store)).toEqual(store);
    expect(store).toMatchObject({
      name: 'My Shop',
      slug: 'my-shop',
      namespace: 'store-my-shop',
      status: 'Queued',
      plan: 'woocommerce',
      context: 'kind-dev',
      adminEmail: 'owner@example.com',
      url: null,
      adminUrl: null,
      errorStep: null,
      provisionedAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(store.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(state.stores.get(store.id)).toEqual(store);
  });

  it('refuses a second store with the same slug in a context, but allows it in another', () => {
    insert({ name: 'Shop' });
    const again = state.stores.insert(newStore({ name: 'SHOP!' }));
    expect(again).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Store "Shop" already uses the slug "shop" in context "kind-dev"' },
    });
    expect(state.stores.insert(newStore({ context: 'k3s-remote' })).ok).toBe(true);
    expect(state.stores.countByContext('kind-dev')).toBe(1);
    expect(state.stores.countByContext('k3s-remote')).toBe(1);
    expect(state.stores.countByContext('nowhere')).toBe(0);
  });

  it('finds stores by slug within a context and lists them oldest first, optionally per context', () => {
    const a = insert({ slug: 'a' });
    const b = insert({ slug: 'b', context: 'k3s-remote' });
    const c = insert({ slug: 'c' });
    expect(state.stores.getBySlug('kind-dev', 'c')?.id).toBe(c.id);
    expect(state.stores.getBySlug('k3s-remote', 'c')).toBeNull();
    expect(state.stores.list().map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    expect(state.stores.list('kind-dev').map((s) => s.id)).toEqual([a.id, c.id]);
    expect(state.stores.get('missing')).toBeNull();
  });

  it('lists exactly the stores a restart must resume', () => {
    const statuses = ['Queued', 'Provisioning', 'Ready', 'Failed', 'Deleting'] as const;
    for (const status of statuses) insert({ slug: status.toLowerCase(), status });
    expect(state.stores.listUnfinished().map((s) => s.status)).toEqual([
      'Queued',
      'Provisioning',
      'Deleting',
    ]);
  });

  it('sets status with URLs and errors, keeps unspecified fields and bumps updatedAt', () => {
    const store = insert();
    const ready = state.stores.setStatus(store.id, 'Ready', {
      url: 'http://shop.localhost',
      adminUrl: 'http://shop.localhost/wp-admin/',
      provisionedAt: '2026-01-01T00:05:00.000Z',
    });
    expect(ready).toMatchObject({
      status: 'Ready',
      url: 'http://shop.localhost',
      adminUrl: 'http://shop.localhost/wp-admin/',
      provisionedAt: '2026-01-01T00:05:00.000Z',
      createdAt: store.createdAt,
    });
    expect(ready!.updatedAt > store.updatedAt).toBe(true);

    const failed = state.stores.setStatus(store.id, 'Failed', {
      errorStep: 'wait-mysql',
      errorMessage: 'Image mysql:8.4 cannot be pulled',
    });
    expect(failed).toMatchObject({ status: 'Failed', url: 'http://shop.localhost', errorStep: 'wait-mysql' });

    const cleared = state.stores.clearError(store.id);
    expect(cleared).toMatchObject({ status: 'Failed', errorStep: null, errorMessage: null });
    expect(state.stores.setStatus(store.id, 'Queued', { url: null })).toMatchObject({ url: null });
    expect(state.stores.setStatus('missing', 'Ready')).toBeNull();
    expect(state.stores.clearError('missing')).toBeNull();
  });

  it('refuses a status outside the lifecycle at the database level', () => {
    const store = insert();
    expect(() => state.db.prepare("UPDATE stores SET status = 'Broken' WHERE id = ?").run(store.id)).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('keeps a desired-state snapshot of known keys only and bumps the generation on retry', () => {
    const store = insert({
      desired: {
        baseDomain: 'stores.example.com',
        storageClass: 'local-path',
        ingressController: 'traefik',
        // An unknown key (e.g. a secret passed by mistake) is never persisted.
        adminPassword: 'hunter2',
      } as never,
    });
    const raw = state.db.prepare('SELECT desired_json FROM stores WHERE id = ?').get(store.id) as {
      desired_json: string;
    };
    expect(raw.desired_json).not.toContain('hunter2');
    expect(state.stores.getDesired(store.id)).toEqual({
      generation: 1,
      desired: {
        baseDomain: 'stores.example.com',
        storageClass: 'local-path',
        imageRegistry: null,
        host: null,
        ingressClassName: null,
        ingressController: 'traefik',
        ingressControllerNamespace: null,
        ingressControllerPodLabels: null,
        namespaceUid: null,
        httpPort: null,
      },
    });
    expect(state.stores.setDesired(store.id, { host: 'shop.stores.example.com' })).toBe(true);
    expect(state.stores.getDesired(store.id)?.desired.host).toBe('shop.stores.example.com');
    expect(state.stores.bumpGeneration(store.id)).toBe(2);
    expect(state.stores.bumpGeneration(store.id)).toBe(3);
    expect(state.stores.bumpGeneration('missing')).toBeNull();
    expect(state.stores.getDesired('missing')).toBeNull();
    expect(state.stores.setDesired('missing', {})).toBe(false);
  });

  it('rejects an invalid desired snapshot and reports a corrupted one with the store id', () => {
    expect(() => insert({ desired: { ingressController: 'haproxy' } as never })).toThrow();
    expect(state.stores.list()).toEqual([]);
    const store = insert();
    state.db.prepare("UPDATE stores SET desired_json = 'not json' WHERE id = ?").run(store.id);
    expect(() => state.stores.getDesired(store.id)).toThrow(
      `Store ${store.id}: desired state is not valid JSON`,
    );
  });

  it('removes a store and reports whether there was one', () => {
    const store = insert();
    expect(state.stores.remove(store.id)).toBe(true);
    expect(state.stores.get(store.id)).toBeNull();
    expect(state.stores.remove(store.id)).toBe(false);
    // The slug is free again once the row is gone.
    expect(state.stores.insert(newStore()).ok).toBe(true);
  });
});

describe('StoresRepo.exclusively', () => {
  it('holds the write lock for the whole check-then-insert, so a second process waits or fails busy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storedeck-excl-'));
    const file = join(dir, 'storedeck.db');
    const first = openState(file);
    const second = openState(file, { busyTimeoutMs: 0 });
    try {
      const inside = first.stores.exclusively(() => {
        // While the first process is between its count and its insert, the second cannot write.
        expect(() => second.stores.insert(newStore({ slug: 'other' }))).toThrow(/database is locked/);
        const count = first.stores.countByContext('kind-dev');
        const inserted = first.stores.insert(newStore({ slug: 'mine' }));
        return { count, ok: inserted.ok };
      });
      expect(inside).toEqual({ count: 0, ok: true });
      expect(second.stores.insert(newStore({ slug: 'other' })).ok).toBe(true);
      expect(first.stores.list().map((s) => s.slug)).toEqual(['mine', 'other']);
    } finally {
      first.close();
      second.close();
    }
  });

  it('writes nothing when the work throws', () => {
    expect(() =>
      state.stores.exclusively(() => {
        insert({ slug: 'doomed' });
        throw new Error('admission changed its mind');
      }),
    ).toThrow('admission changed its mind');
    expect(state.stores.list()).toEqual([]);
  });
});
