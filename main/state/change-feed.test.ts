import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, Store } from '../../preload/contract';
import { createEventBus, type EventBus } from '../primitives/event-bus';
import { ChangeFeed } from './change-feed';
import { openState, type State } from './open-state';

// `local` is this process (its writes are followed by their bus events, as the engine's writer
// does); `other` is a second connection to the same file, as another Storedeck process has.
let dir: string;
let local: State;
let other: State;
let bus: EventBus;
let feed: ChangeFeed;
let seen: Array<[EventName, unknown]>;
let external: Array<[string, string | null]>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-feed-'));
  local = openState(path.join(dir, 'storedeck.db'));
  other = openState(path.join(dir, 'storedeck.db'));
  bus = createEventBus();
  seen = [];
  external = [];
  bus.subscribe((name, payload) => seen.push([name, payload]));
  feed = new ChangeFeed({
    ...local,
    bus,
    onExternalStore: (store, previous) => external.push([store.status, previous?.status ?? null]),
  });
});
afterEach(() => {
  feed.stop();
  local.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

function insert(state: State, slug: string): Store {
  const result = state.stores.insert({
    name: slug,
    slug,
    namespace: `store-${slug}`,
    plan: 'woocommerce',
    context: 'kind-dev',
    adminEmail: 'a@example.com',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const summary = () =>
  seen.map(([name, payload]) => {
    const p = payload as { status?: string; step?: string; id?: string | number; message?: string };
    return name === 'timelineEvent'
      ? `${name}:${p.step}:${p.status}:${p.message}`
      : `${name}:${p.status ?? p.id}`;
  });

describe('ChangeFeed', () => {
  it("turns another connection's writes into bus events, once and in order", () => {
    expect(feed.check()).toBe(false);
    const shop = insert(other, 'shop');
    expect(feed.check()).toBe(true);
    expect(seen).toEqual([['storeChanged', shop]]);

    other.stores.setStatus(shop.id, 'Provisioning');
    other.events.add(shop.id, 'namespace', 'started', 'n1');
    other.events.add(shop.id, 'namespace', 'completed', 'n2');
    other.events.add(shop.id, 'setup', 'completed', 's');
    const ready = other.stores.setStatus(shop.id, 'Ready', { url: 'http://shop.localhost' });
    expect(feed.check()).toBe(true);
    expect(feed.check()).toBe(false);
    expect(summary()).toEqual([
      'storeChanged:Queued',
      'timelineEvent:namespace:started:n1',
      'timelineEvent:namespace:completed:n2',
      'timelineEvent:setup:completed:s',
      'storeChanged:Ready',
    ]);
    expect(seen.at(-1)).toEqual(['storeChanged', ready]);
    expect(external).toEqual([
      ['Queued', null],
      ['Ready', 'Queued'],
    ]);

    other.stores.remove(shop.id);
    expect(feed.check()).toBe(true);
    expect(summary().at(-1)).toBe('storeRemoved:' + shop.id);
    expect(seen).toHaveLength(6);
  });

  it('never feeds back what this process wrote and announced itself, even interleaved', () => {
    const shop = insert(local, 'shop');
    bus.emit('storeChanged', shop);
    const provisioning = local.stores.setStatus(shop.id, 'Provisioning') as Store;
    bus.emit('storeChanged', provisioning);
    other.events.add(shop.id, 'namespace', 'started', 'theirs 1');
    bus.emit('timelineEvent', local.events.add(shop.id, 'namespace', 'completed', 'mine'));
    other.events.add(shop.id, 'setup', 'started', 'theirs 2');
    seen = [];
    expect(feed.check()).toBe(true);
    expect(summary()).toEqual([
      'timelineEvent:namespace:started:theirs 1',
      'timelineEvent:setup:started:theirs 2',
    ]);
    expect(external).toEqual([]);

    // Only this process wrote since: nothing to read, and its events are never read later either.
    bus.emit('timelineEvent', local.events.add(shop.id, 'setup', 'completed', 'mine too'));
    seen = [];
    expect(feed.check()).toBe(false);
    other.events.add(shop.id, 'ingress', 'started', 'theirs 3');
    expect(feed.check()).toBe(true);
    expect(summary()).toEqual(['timelineEvent:ingress:started:theirs 3']);
  });

  it('emits the latest state of a store another process changed after this one, not a stale one', () => {
    const shop = insert(other, 'shop');
    feed.check();
    const deleting = other.stores.setStatus(shop.id, 'Deleting') as Store;
    seen = [];
    feed.check();
    expect(seen).toEqual([['storeChanged', deleting]]);
    expect(external.at(-1)).toEqual(['Deleting', 'Queued']);
  });

  it('checks by itself once started, on a timer', async () => {
    feed.start();
    const arrived = new Promise<unknown>((resolve) => {
      const off = bus.subscribe((name, payload) => {
        if (name !== 'storeChanged') return;
        off();
        resolve(payload);
      });
    });
    const shop = insert(other, 'timer-shop');
    expect(await arrived).toEqual(shop);
  });
});
