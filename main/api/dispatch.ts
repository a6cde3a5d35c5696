// The one entry every transport (Electron IPC, web host, CLI) funnels a raw request through:
// unknown channels and malformed payloads become error values, and a throwing handler never
// takes main down.
import { err, isRequestName, parseRequest, type Result } from '../../preload/contract';
import type { Handlers } from './handler-types';

type AnyHandler = (request: unknown) => Promise<Result<unknown>>;

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function dispatch(handlers: Handlers, name: string, raw: unknown): Promise<Result<unknown>> {
  if (!isRequestName(name)) return err('invalid_request', `Unknown request channel "${name}"`);
  const parsed = parseRequest(name, raw);
  if (!parsed.ok) return parsed;
  const handler = handlers[name] as AnyHandler | undefined;
  if (typeof handler !== 'function') return err('internal', `No handler is registered for "${name}"`);
  try {
    const result = await handler(parsed.value);
    // A handler that forgets to wrap its value would otherwise reach the renderer as garbage.
    if (!isResult(result)) return err('internal', `Handler for "${name}" returned no result`);
    return result;
  } catch (error) {
    console.error(`storedeck: handler "${name}" failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return err('internal', `${name} failed: ${message}`);
  }
}
