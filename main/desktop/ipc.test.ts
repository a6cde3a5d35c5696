import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES, ipcChannel, ok } from '../../preload/contract';
import { createEventBus } from '../primitives/event-bus';
import { fakeHandlers } from '../host/fake-handlers';
import { forwardEvents, registerIpc } from './ipc';

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

function fakeIpc() {
  const channels = new Map<string, Listener>();
  return {
    channels,
    handle: (channel: string, listener: Listener) => void channels.set(channel, listener),
    removeHandler: (channel: string) => void channels.delete(channel),
  };
}

const APP = 'file:///app/out/renderer/index.html';
const from = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
const trusted = (url: string) => url === APP;

describe('registerIpc', () => {
  it('registers exactly one channel per contract request and removes them all', () => {
    const ipc = fakeIpc();
    const unregister = registerIpc(ipc as never, fakeHandlers(), trusted);
    expect([...ipc.channels.keys()].sort()).toEqual(REQUEST_NAMES.map(ipcChannel).sort());
    unregister();
    expect(ipc.channels.size).toBe(0);
  });

  it('validates payloads: a malformed request is an error value and the handler never runs', async () => {
    const ipc = fakeIpc();
    const createStore = vi.fn();
    registerIpc(ipc as never, fakeHandlers({ createStore }), trusted);
    const result = await ipc.channels.get(ipcChannel('createStore'))!(from(APP), { name: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(createStore).not.toHaveBeenCalled();
  });

  it('answers the app page and refuses any other sender', async () => {
    const ipc = fakeIpc();
    registerIpc(ipc as never, fakeHandlers({ listStores: async () => ok([]) }), trusted);
    const listStores = ipc.channels.get(ipcChannel('listStores'))!;
    expect(await listStores(from(APP), {})).toEqual({ ok: true, value: [] });
    expect(await listStores(from('https://evil.example/'), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('forwardEvents', () => {
  it('sends bus events on their event channel to live windows only', () => {
    const bus = createEventBus();
    const live = { isDestroyed: () => false, send: vi.fn() };
    const gone = { isDestroyed: () => true, send: vi.fn() };
    const stop = forwardEvents(bus, () => [live, gone] as unknown as WebContents[]);
    bus.emit('storeRemoved', { id: 'store-1' });
    expect(live.send).toHaveBeenCalledWith('storedeck:event:storeRemoved', { id: 'store-1' });
    expect(gone.send).not.toHaveBeenCalled();
    stop();
    bus.emit('storeRemoved', { id: 'store-2' });
    expect(live.send).toHaveBeenCalledTimes(1);
  });
});
