import { describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../../../preload/contract';
import { sampleStore } from '../../shared/sample-store';
import { provisionEstimateMs, queryStores, queuePlaces } from './list-query';

const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const stores = [
  sampleStore({ id: 'a', name: 'Alpha Shoes', slug: 'alpha-shoes', status: 'Ready', createdAt: at(1) }),
  sampleStore({ id: 'b', name: 'Beta Books', slug: 'beta-books', status: 'Failed', createdAt: at(2) }),
  sampleStore({ id: 'c', name: 'Gamma', slug: 'gamma-shop', status: 'Ready', createdAt: at(3) }),
  sampleStore({
    id: 'd',
    name: 'Delta',
    slug: 'delta',
    status: 'Queued',
    createdAt: at(4),
    updatedAt: at(9),
  }),
  sampleStore({ id: 'e', name: 'Echo', slug: 'echo', status: 'Queued', createdAt: at(5), updatedAt: at(6) }),
];
const drifted: LiveStatus = {
  storeId: 'c',
  state: 'Drifted',
  reason: 'Service wordpress is missing',
  drifted: ['Service/wordpress'],
  observedAt: at(9),
};

describe('store list query', () => {
  it('counts every status (live states of Ready stores included) and filters by one', () => {
    const all = queryStores(stores, { c: drifted }, { text: '', status: null, sort: 'newest' });
    expect(all.counts).toEqual({ Ready: 1, Drifted: 1, Failed: 1, Queued: 2 });
    expect(all.shown.map((s) => s.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    const onlyDrifted = queryStores(stores, { c: drifted }, { text: '', status: 'Drifted', sort: 'newest' });
    expect(onlyDrifted.shown.map((s) => s.id)).toEqual(['c']);
  });

  it('searches name (any case) and slug; counts follow the search', () => {
    const found = queryStores(stores, {}, { text: 'SHO', status: null, sort: 'name' });
    expect(found.shown.map((s) => s.name)).toEqual(['Alpha Shoes', 'Gamma']);
    expect(found.counts).toEqual({ Ready: 2 });
  });

  it('sorts by what needs attention first', () => {
    const sorted = queryStores(stores, { c: drifted }, { text: '', status: null, sort: 'status' });
    expect(sorted.shown.map((s) => s.id)).toEqual(['b', 'c', 'e', 'd', 'a']);
  });

  it('numbers the queue in the order stores were queued', () => {
    expect(queuePlaces(stores)).toEqual({ e: 1, d: 2 });
  });

  it('estimates from the median of the last stores that became Ready', () => {
    const done = [1, 2, 9].map((minutes, i) =>
      sampleStore({ id: `r${i}`, createdAt: at(0), provisionedAt: at(minutes), status: 'Ready' }),
    );
    expect(provisionEstimateMs(done)).toBe(2 * 60_000);
    expect(provisionEstimateMs([])).toBeNull();
  });
});
