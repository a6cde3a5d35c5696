// Buffers the bus's events from the moment of subscription, so a command can subscribe, then
// make its request, and still see every event the request caused (none slip through the gap).
import type { EventName, EventOf } from '../../preload/contract';
import type { EventBus } from '../primitives/event-bus';

export type BusEvent = { [K in EventName]: { name: K; payload: EventOf<K> } }[EventName];

export type NextResult = { kind: 'event'; event: BusEvent } | { kind: 'timeout' } | { kind: 'aborted' };

export class EventQueue {
  private readonly items: BusEvent[] = [];
  private wake: (() => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((name, payload) => {
      this.items.push({ name, payload } as BusEvent);
      this.wake?.();
    });
  }

  /** The next buffered event, waiting until deadline (epoch ms) or until the signal aborts. */
  async next(deadline: number, signal?: AbortSignal): Promise<NextResult> {
    const first = this.items.shift();
    if (first) return { kind: 'event', event: first };
    if (signal?.aborted) return { kind: 'aborted' };
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { kind: 'timeout' };
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, Math.min(remaining, 2_147_000_000));
      signal?.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
    const event = this.items.shift();
    if (event) return { kind: 'event', event };
    return signal?.aborted
      ? { kind: 'aborted' }
      : Date.now() >= deadline
        ? { kind: 'timeout' }
        : this.next(deadline, signal);
  }

  close(): void {
    this.unsubscribe();
    this.wake?.();
  }
}
