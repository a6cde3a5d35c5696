// In-process fan-out of the contract's event streams to every transport (IPC, web host, CLI).
// The bottom layer: the engine emits on it, state's change feed forwards to it, api hands it out.
import { EventEmitter } from 'node:events';
import { events, type EventName, type EventOf } from '../../preload/contract';

export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventOf<K>): void;
  /** Listens to every event; returns an unsubscribe function. */
  subscribe(listener: <K extends EventName>(name: K, payload: EventOf<K>) => void): () => void;
}

type Listener = <K extends EventName>(name: K, payload: EventOf<K>) => void;

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  // Many windows/sockets/log followers may listen; this is not a leak.
  emitter.setMaxListeners(0);
  return {
    emit(name, payload) {
      // Payloads are validated here so no transport ever forwards a malformed event.
      const parsed = events[name].parse(payload);
      emitter.emit('event', name, parsed);
    },
    subscribe(listener: Listener) {
      const wrapped = (name: EventName, payload: EventOf<EventName>) => {
        try {
          listener(name, payload);
        } catch (error) {
          console.error(`storedeck: event listener failed on ${name}:`, error);
        }
      };
      emitter.on('event', wrapped);
      return () => emitter.off('event', wrapped);
    },
  };
}
