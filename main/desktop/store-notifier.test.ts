import { describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { createStoreNotifier } from './store-notifier';

function store(status: Store['status'], overrides: Partial<Store> = {}): Store {
  return {
    id: 's1',
    name: 'Demo shop',
    slug: 'demo-shop',
    namespace: 'store-demo-shop',
    status,
    plan: 'woocommerce',
    context: 'kind-storedeck',
    url: 'http://demo-shop.localhost',
    adminUrl: null,
    adminEmail: 'a@b.co',
    errorStep: null,
    errorMessage: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    provisionedAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('store notifier', () => {
  it('notifies once when a store becomes Ready', () => {
    const notifier = createStoreNotifier();
    expect(notifier.observe(store('Queued'))).toBeNull();
    expect(notifier.observe(store('Provisioning'))).toBeNull();
    expect(notifier.observe(store('Ready'))).toEqual({
      storeId: 's1',
      title: 'Demo shop is ready',
      body: 'Open http://demo-shop.localhost to visit the shop.',
      url: 'http://demo-shop.localhost',
    });
    expect(notifier.observe(store('Ready', { updatedAt: 'later' }))).toBeNull();
  });

  it('notifies a failure with its step and reason', () => {
    const notifier = createStoreNotifier();
    notifier.observe(store('Provisioning'));
    const notice = notifier.observe(
      store('Failed', { errorStep: 'wait-mysql', errorMessage: 'ImagePullBackOff on mysql:8.4' }),
    );
    expect(notice?.title).toBe('Demo shop failed');
    expect(notice?.body).toBe('Provisioning failed at wait-mysql: ImagePullBackOff on mysql:8.4');
  });

  it('stays quiet about stores that were already Ready or Failed at start-up', () => {
    const notifier = createStoreNotifier();
    notifier.seed([store('Ready'), store('Failed', { id: 's2' })]);
    expect(notifier.observe(store('Ready'))).toBeNull();
    expect(notifier.observe(store('Failed', { id: 's2' }))).toBeNull();
  });

  it('notifies again after a retry brings a failed store to Ready', () => {
    const notifier = createStoreNotifier();
    notifier.seed([store('Failed')]);
    expect(notifier.observe(store('Provisioning'))).toBeNull();
    expect(notifier.observe(store('Ready'))?.title).toBe('Demo shop is ready');
  });

  it('treats a forgotten (deleted) store as new', () => {
    const notifier = createStoreNotifier();
    notifier.seed([store('Ready')]);
    notifier.forget('s1');
    expect(notifier.observe(store('Ready'))).not.toBeNull();
  });
});
