// Test double of StoredeckApi for store and component tests: canned Results, recorded calls,
// and an emit() that plays an event stream, all keyed by the contract.
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  err,
  type EventName,
  type EventOf,
  type RequestName,
  type Result,
  type StoredeckApi,
} from '../../../preload/contract';

export type FakeApi = StoredeckApi & {
  calls: Array<{ name: RequestName; request: unknown }>;
  respond(name: RequestName, result: Result<unknown>): void;
  emit<K extends EventName>(name: K, payload: EventOf<K>): void;
};

export function createFakeApi(): FakeApi {
  const responses = new Map<RequestName, Result<unknown>>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>(
    EVENT_NAMES.map((n) => [n, new Set()]),
  );
  const calls: FakeApi['calls'] = [];
  const api: Record<string, unknown> = {
    calls,
    respond: (name: RequestName, result: Result<unknown>) => responses.set(name, result),
    emit: (name: EventName, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)),
  };
  for (const name of REQUEST_NAMES) {
    api[name] = async (request: unknown) => {
      calls.push({ name, request });
      return responses.get(name) ?? err('internal', `no canned response for ${name}`);
    };
  }
  const on: Record<string, unknown> = {};
  for (const name of EVENT_NAMES) {
    on[name] = (listener: (payload: unknown) => void) => {
      listeners.get(name)?.add(listener);
      return () => listeners.get(name)?.delete(listener);
    };
  }
  api.on = on;
  return api as FakeApi;
}
