// A contract-valid Store for tests, with overrides.
import type { Store } from '../../../preload/contract';

export function sampleStore(overrides: Partial<Store> = {}): Store {
  return {
    id: 'store-1',
    name: 'Demo shop',
    slug: 'demo-shop',
    namespace: 'store-demo-shop',
    status: 'Queued',
    plan: 'woocommerce',
    context: 'kind-storedeck',
    url: 'http://demo-shop.localhost',
    adminUrl: 'http://demo-shop.localhost/wp-admin/',
    adminEmail: 'owner@example.com',
    errorStep: null,
    errorMessage: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    provisionedAt: null,
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}
