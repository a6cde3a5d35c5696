import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus';

describe('event bus', () => {
  it('delivers events to every subscriber until it unsubscribes', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    const stopA = bus.subscribe((name, payload) => seen.push(`a:${name}:${JSON.stringify(payload)}`));
    bus.subscribe((name) => seen.push(`b:${name}`));
    bus.emit('storeRemoved', { id: 's1' });
    stopA();
    bus.emit('storeRemoved', { id: 's2' });
    expect(seen).toEqual(['a:storeRemoved:{"id":"s1"}', 'b:storeRemoved', 'b:storeRemoved']);
  });

  it('refuses a payload that does not match the contract', () => {
    const bus = createEventBus();
    expect(() => bus.emit('storeRemoved', { id: 42 } as never)).toThrow();
  });

  it('keeps delivering when one listener throws', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe((_name, payload) => seen.push((payload as { id: string }).id));
    const original = console.error;
    console.error = () => {};
    try {
      bus.emit('storeRemoved', { id: 'x' });
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['x']);
  });
});
