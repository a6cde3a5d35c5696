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
    api.respond('listStores', ok([older, newer]));
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
