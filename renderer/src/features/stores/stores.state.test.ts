import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { sampleStore } from '../../shared/sample-store';
import { createStoresStore } from './stores.state';

describe('stores store', () => {
  it('loads the list newest first', async () => {
    const api = createFakeApi();
    const older = sampleStore({ id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    const newer = sampleStore({ id: 'b', createdAt: '2026-02-01T00:00:00.000Z' });
    api.respond('listStores', ok([older, newer].map((s) => ({ ...s, recentEvents: [], live: null }))));
    const store = createStoresStore(api);
    await store.getState().load();
    expect(store.getState().stores.map((s) => s.id)).toEqual(['b', 'a']);
    expect(store.getState()).toMatchObject({ loaded: true, error: null });
  });

  it('keeps the error message of a failed load for the UI', async () => {
    const api = createFakeApi();
    api.respond('listStores', err('no_context', 'No kubeconfig found'));
    const store = createStoresStore(api);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loaded: true, error: 'No kubeconfig found', stores: [] });
  });

  it('adds a created store and returns validation errors as values', async () => {
    const api = createFakeApi();
    const store = createStoresStore(api);
    api.respond('createStore', err('invalid_request', 'name: Store name is required'));
    const refused = await store.getState().create({ name: '', adminEmail: 'a@b.co' });
    expect(refused).toMatchObject({ ok: false, error: { message: 'name: Store name is required' } });
    expect(store.getState().stores).toEqual([]);
    api.respond('createStore', ok(sampleStore()));
    await store.getState().create({ name: 'Demo shop', adminEmail: 'owner@example.com' });
    expect(store.getState().stores.map((s) => s.name)).toEqual(['Demo shop']);
  });

  it('keeps a newer status event when the create answer lands after it (UI-created stores showed Queued)', async () => {
    const api = createFakeApi();
    const store = createStoresStore(api);
    store.getState().follow(() => 'kind-storedeck');
    api.respond('createStore', ok(sampleStore({ status: 'Queued', updatedAt: '2026-01-01T10:00:00.000Z' })));
    const creating = store.getState().create({ name: 'Demo shop', adminEmail: 'owner@example.com' });
    // The engine starts at once: its event reaches the page before the HTTP answer does.
    api.emit('storeChanged', sampleStore({ status: 'Provisioning', updatedAt: '2026-01-01T10:00:00.004Z' }));
    await creating;
    expect(store.getState().stores.map((s) => s.status)).toEqual(['Provisioning']);
  });

  it('drops a list answer older than an event already shown, and takes cards data from it', async () => {
    const api = createFakeApi();
    const seeded: Array<[string, number]> = [];
    const store = createStoresStore(api, { seedEvents: (id, events) => seeded.push([id, events.length]) });
    store.getState().follow(() => 'kind-storedeck');
    const event = {
      id: 1,
      storeId: 'store-1',
      step: 'namespace',
      status: 'started' as const,
      message: 'Creating namespace',
      timestamp: '2026-01-01T10:00:00.000Z',
    };
    api.respond(
      'listStores',
      ok([{ ...sampleStore({ status: 'Queued' }), recentEvents: [event], live: null }]),
    );
    const loading = store.getState().load();
    api.emit('storeChanged', sampleStore({ status: 'Provisioning', updatedAt: '2026-01-01T10:00:01.000Z' }));
    await loading;
    expect(store.getState().stores.map((s) => s.status)).toEqual(['Provisioning']);
    expect(seeded).toEqual([['store-1', 1]]);
  });

  it('keeps live status and cluster health from their streams', () => {
    const api = createFakeApi();
    const store = createStoresStore(api);
    store.getState().follow(() => 'kind-storedeck');
    api.emit('liveStatus', {
      storeId: 'store-1',
      state: 'Drifted',
      reason: 'Service wordpress is missing',
      drifted: ['Service/wordpress'],
      observedAt: '2026-01-01T10:00:00.000Z',
    });
    const health = {
      reachable: false,
      message: 'connection refused',
      since: '2026-01-01T10:00:00.000Z',
      checkedAt: '2026-01-01T10:00:00.000Z',
    };
    api.emit('contextHealth', { ...health, context: 'other' });
    expect(store.getState().health).toBeNull();
    api.emit('contextHealth', { ...health, context: 'kind-storedeck' });
    expect(store.getState().health?.reachable).toBe(false);
    expect(store.getState().live['store-1']?.state).toBe('Drifted');
  });

  it('follows live changes of the current context and removals', () => {
    const api = createFakeApi();
    const store = createStoresStore(api);
    const stop = store.getState().follow(() => 'kind-storedeck');
    api.emit('storeChanged', sampleStore({ status: 'Provisioning' }));
    api.emit('storeChanged', sampleStore({ status: 'Ready' }));
    api.emit('storeChanged', sampleStore({ id: 'other', context: 'prod-k3s' }));
    expect(store.getState().stores.map((s) => [s.id, s.status])).toEqual([['store-1', 'Ready']]);
    api.emit('storeRemoved', { id: 'store-1' });
    expect(store.getState().stores).toEqual([]);
    stop();
    api.emit('storeChanged', sampleStore());
    expect(store.getState().stores).toEqual([]);
  });
});
