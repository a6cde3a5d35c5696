import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TimelineEventSchema } from '../../preload/contract';
import { openState, type State } from './open-state';

let state: State;
beforeEach(() => {
  state = openState(':memory:');
});
afterEach(() => state.close());

function storeId(slug: string): string {
  const result = state.stores.insert({
    name: slug,
    slug,
    namespace: `store-${slug}`,
    plan: 'woocommerce',
    context: 'kind-dev',
    adminEmail: 'a@example.com',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}

describe('EventsRepo', () => {
  it('records timeline events per store, in order, as contract TimelineEvents', () => {
    const shop = storeId('shop');
    const other = storeId('other');
    const first = state.events.add(shop, 'namespace', 'started', 'Creating namespace store-shop');
    state.events.add(other, 'namespace', 'started', 'Creating namespace store-other');
    state.events.add(shop, 'namespace', 'completed', 'Namespace ready');
    state.events.add(shop, 'wait-mysql', 'failed', 'MySQL image cannot be pulled');

    expect(TimelineEventSchema.parse(first)).toEqual(first);
    expect(first.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const timeline = state.events.list(shop);
    expect(timeline.map((e) => [e.step, e.status])).toEqual([
      ['namespace', 'started'],
      ['namespace', 'completed'],
      ['wait-mysql', 'failed'],
    ]);
    expect(timeline.every((e) => e.storeId === shop)).toBe(true);
    expect(state.events.list(other)).toHaveLength(1);
    expect(state.events.list('missing')).toEqual([]);
  });

  it("lists every store's events after an id, in order, and knows the last id", () => {
    expect(state.events.lastId()).toBe(0);
    const shop = storeId('shop');
    const other = storeId('other');
    const first = state.events.add(shop, 'namespace', 'started', 'a');
    const second = state.events.add(other, 'namespace', 'started', 'b');
    const third = state.events.add(shop, 'namespace', 'completed', 'c');
    expect(state.events.lastId()).toBe(third.id);
    expect(state.events.listAfter(first.id)).toEqual([second, third]);
    expect(state.events.listAfter(third.id)).toEqual([]);
    expect(state.events.listAfter(0).map((e) => e.message)).toEqual(['a', 'b', 'c']);
  });

  it('refuses an event for a store that does not exist or with an unknown status', () => {
    expect(() => state.events.add('missing', 'namespace', 'started', 'x')).toThrow(/FOREIGN KEY/);
    const shop = storeId('shop');
    expect(() => state.events.add(shop, 'namespace', 'exploded' as never, 'x')).toThrow(/CHECK constraint/);
  });

  it('drops the timeline with its store while the audit log keeps the history', () => {
    const shop = storeId('shop');
    state.events.add(shop, 'namespace', 'started', 'Creating namespace');
    state.audit.add({ action: 'create', resource: 'store', name: 'shop', actor: 'cli:alice' });
    state.audit.add({ action: 'delete', resource: 'store', name: 'shop', actor: 'cli:alice' });

    expect(state.stores.remove(shop)).toBe(true);
    expect(state.events.list(shop)).toEqual([]);
    expect(state.db.prepare('SELECT COUNT(*) AS n FROM provisioning_events').get()).toEqual({ n: 0 });
    expect(state.audit.list(10).map((a) => a.action)).toEqual(['delete', 'create']);
  });
});
