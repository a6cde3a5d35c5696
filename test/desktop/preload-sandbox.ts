// Runs a built preload bundle the way a sandboxed renderer does: a fresh context whose `require`
// knows only Electron's sandbox modules, with a fake contextBridge and ipcRenderer that record.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

// What a sandboxed preload may require (Electron docs, "Process Sandboxing").
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

export type Exposed = Record<string, unknown>;
export type PreloadRun = {
  /** exposeInMainWorld calls: key → value. */
  exposed: Map<string, Exposed>;
  invoked: Array<{ channel: string; args: unknown[] }>;
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  /** Delivers an IPC event from main to every listener on the channel. */
  emit(channel: string, payload: unknown): void;
};

export function runPreload(file: string): PreloadRun {
  const exposed = new Map<string, Exposed>();
  const invoked: PreloadRun['invoked'] = [];
  const listeners: PreloadRun['listeners'] = new Map();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: Exposed) => {
        if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
        exposed.set(key, value);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        listeners.get(channel)?.delete(listener),
    },
  };
  const sandboxRequire = (id: string) => {
    if (!SANDBOX_MODULES.has(id))
      throw new Error(`module not found: ${id} (a sandboxed preload cannot load it)`);
    if (id !== 'electron') throw new Error(`the fake sandbox only provides electron, not ${id}`);
    return electron;
  };
  const module = { exports: {} as Record<string, unknown> };
  const context = createContext({ require: sandboxRequire, module, exports: module.exports, console });
  runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  return {
    exposed,
    invoked,
    listeners,
    emit(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, payload);
    },
  };
}
