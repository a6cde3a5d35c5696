// Test double of the contract's Handlers: every channel answers not_available unless overridden.
import { REQUEST_NAMES, err } from '../../preload/contract';
import type { Handlers } from '../api/handler-types';

export function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const handlers: Record<string, unknown> = {};
  for (const name of REQUEST_NAMES) {
    handlers[name] = async () => err('not_available', `${name} is not part of this test`);
  }
  return { ...(handlers as Handlers), ...overrides };
}
