import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES } from './contract';

const exposed = vi.hoisted(() => ({ key: '', api: null as unknown }));
const ipc = vi.hoisted(() => ({
  invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: ipc,
}));

type Exposed = Record<string, (request?: unknown) => Promise<unknown>> & {
  on: Record<string, (listener: (payload: unknown) => void) => () => void>;
};

describe('preload', () => {
  beforeEach(async () => {
    await import('./index');
  });

  it('exposes window.storedeck with exactly the contract requests plus `on`', () => {
    expect(exposed.key).toBe('storedeck');
    const api = exposed.api as Exposed;
    expect(Object.keys(api).sort()).toEqual([...REQUEST_NAMES, 'on'].sort());
    expect(Object.keys(api.on).sort()).toEqual([...EVENT_NAMES].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('invokes the request on its own channel', async () => {
    const api = exposed.api as Exposed;
    const result = await api.getStore!({ id: 'store-1' });
    expect(ipc.invoke).toHaveBeenCalledWith('storedeck:getStore', { id: 'store-1' });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'storedeck:getStore', request: { id: 'store-1' } },
    });
  });

  it('passes only the payload to listeners, and unsubscribes the same function', () => {
    const api = exposed.api as Exposed;
    const listener = vi.fn();
    const off = api.on.storeChanged!(listener);
    const [channel, wrapped] = ipc.on.mock.calls.at(-1) as [
      string,
      (event: unknown, payload: unknown) => void,
    ];
    expect(channel).toBe('storedeck:event:storeChanged');
    wrapped({ sender: 'secret' }, { id: 'store-1' });
    expect(listener).toHaveBeenCalledWith({ id: 'store-1' });
    off();
    expect(ipc.removeListener).toHaveBeenCalledWith('storedeck:event:storeChanged', wrapped);
  });
});
