// Other processes' writes as this process's events: the app, the web host and the CLI share one
// database, and each transport only listens to its own bus. When another connection commits,
// the stores and the new timeline rows are re-read and what changed is emitted on the bus
// exactly like a local write (storeChanged, timelineEvent, storeRemoved), once.
import type { EventName, EventOf, Store, TimelineEvent } from '../../preload/contract';
import type { EventBus } from '../primitives/event-bus';
import type { Db } from './db';
import type { EventsRepo } from './events.repo';
import type { StoresRepo } from './stores.repo';

/**
 * Reading `PRAGMA data_version` is a lookup in the local database file's shared memory, not a
 * query to the cluster: it changes only when ANOTHER connection commits, so a short interval
 * costs next to nothing and an idle data dir is never re-read.
 */
const FEED_INTERVAL_MS = 300;

export interface ChangeFeedOptions {
  db: Db;
  stores: StoresRepo;
  events: EventsRepo;
  bus: EventBus;
  intervalMs?: number;
  /** After a store another process changed was emitted: the worker picks up work from here. */
  onExternalStore?: (store: Store, previous: Store | null) => void;
}

/** Field-by-field, so key order (the database's vs a validated payload's) does not matter. */
function sameStore(a: Store, b: Store): boolean {
  const keys = Object.keys(a) as Array<keyof Store>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

interface Snapshot {
  version: number;
  stores: Store[];
  events: TimelineEvent[];
}

export class ChangeFeed {
  private version: number;
  /** Every store as this process last emitted or saw it. */
  private readonly known = new Map<string, Store>();
  private lastEventId: number;
  /** Timeline ids this process emitted itself that the feed has not read past yet. */
  private readonly ownEvents = new Set<number>();
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChangeFeedOptions) {
    // The version is read first (in the same read transaction), so no commit falls between it and the rows.
    const start = options.db.transaction(() => ({
      version: this.readVersion(),
      stores: options.stores.list(),
      lastId: options.events.lastId(),
    }))();
    this.version = start.version;
    for (const store of start.stores) this.known.set(store.id, store);
    this.lastEventId = start.lastId;
    this.unsubscribe = options.bus.subscribe((name, payload) => this.note(name, payload));
  }

  /** Checks on a timer until stop(); the timer never keeps the process alive. */
  start(): this {
    if (this.timer) return this;
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (error) {
        console.error('storedeck: change feed:', error);
      }
    }, this.options.intervalMs ?? FEED_INTERVAL_MS);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe();
  }

  /** One check: emits what other connections committed since the last one; false when nothing did. */
  check(): boolean {
    const { db, stores, events } = this.options;
    const snapshot: Snapshot | null = db.transaction(() => {
      const version = this.readVersion();
      if (version === this.version) return null;
      return { version, stores: stores.list(), events: events.listAfter(this.lastEventId) };
    })();
    if (!snapshot) {
      // Nobody else committed since the last read: every newer row is one this process emitted.
      for (const id of this.ownEvents) this.lastEventId = Math.max(this.lastEventId, id);
      this.ownEvents.clear();
      return false;
    }
    this.version = snapshot.version;
    this.emitDiff(snapshot);
    return true;
  }

  /** New stores, then the timeline, then status changes (a Ready follows its last step), then removals. */
  private emitDiff(snapshot: Snapshot): void {
    const present = new Set(snapshot.stores.map((store) => store.id));
    const added = snapshot.stores.filter((store) => !this.known.has(store.id));
    const changed = snapshot.stores.flatMap((store) => {
      const before = this.known.get(store.id);
      return before && !sameStore(before, store) ? [{ store, before }] : [];
    });
    const removed = [...this.known.keys()].filter((id) => !present.has(id));

    for (const store of added) this.emitStore(store, null);
    for (const event of snapshot.events) {
      this.lastEventId = event.id;
      if (this.ownEvents.delete(event.id)) continue;
      this.options.bus.emit('timelineEvent', event);
    }
    // Own events whose rows are already gone (their store was removed) will never be read.
    for (const id of this.ownEvents) if (id <= this.lastEventId) this.ownEvents.delete(id);
    for (const { store, before } of changed) this.emitStore(store, before);
    for (const id of removed) {
      this.known.delete(id);
      this.options.bus.emit('storeRemoved', { id });
    }
  }

  private emitStore(store: Store, previous: Store | null): void {
    this.known.set(store.id, store);
    this.options.bus.emit('storeChanged', store);
    this.options.onExternalStore?.(store, previous);
  }

  /** Keeps the snapshot in step with what this process emits, so its own writes are never fed back. */
  private note<K extends EventName>(name: K, payload: EventOf<K>): void {
    if (name === 'storeChanged') {
      const store = payload as Store;
      this.known.set(store.id, store);
    } else if (name === 'storeRemoved') {
      this.known.delete((payload as { id: string }).id);
    } else if (name === 'timelineEvent') {
      const event = payload as TimelineEvent;
      if (event.id > this.lastEventId) this.ownEvents.add(event.id);
    }
  }

  private readVersion(): number {
    return this.options.db.pragma('data_version', { simple: true }) as number;
  }
}
