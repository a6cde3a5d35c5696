import { StatusError, type StoreEvent } from '../types.js';

/** Ring buffer of recent events: a watch can resume from any resourceVersion still held here. */
export class WatchHistory {
  private readonly events: StoreEvent[] = [];
  /** resourceVersion of the newest event that fell out of the buffer (0 = none yet). */
  private evictedUpTo = 0;

  constructor(private readonly capacity: number) {}

  push(event: StoreEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) {
      const dropped = this.events.shift();
      if (dropped) this.evictedUpTo = dropped.resourceVersion;
    }
  }

  /** Events strictly after `rv`; 410 Gone when some of them were already evicted (as etcd compaction). */
  since(rv: number): StoreEvent[] {
    if (rv < this.evictedUpTo) {
      // The watch cache's wording: "too old resource version: <requested> (<oldest held - 1>)".
      throw new StatusError(410, 'Expired', `too old resource version: ${rv} (${this.evictedUpTo})`);
    }
    return this.events.filter((e) => e.resourceVersion > rv);
  }

  oldestAvailable(): number {
    return this.evictedUpTo;
  }
}
