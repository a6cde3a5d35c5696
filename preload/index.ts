// Exposes window.storedeck: one method per contract request and one listener per event stream,
// built from the contract's keys. Nothing generic (no send/invoke of arbitrary channels) crosses.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, REQUEST_NAMES, ipcChannel, ipcEventChannel, type StoredeckApi } from './contract';

type Ipc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

function buildStoredeckApi(ipc: Ipc): StoredeckApi {
  const api: Record<string, unknown> = {};
  for (const name of REQUEST_NAMES) {
    const channel = ipcChannel(name);
    api[name] = (request: unknown) => ipc.invoke(channel, request ?? {});
  }
  const on: Record<string, unknown> = {};
  for (const name of EVENT_NAMES) {
    const channel = ipcEventChannel(name);
    on[name] = (listener: (payload: unknown) => void) => {
      // The IPC event object (with its sender) never reaches the page, only the payload.
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    };
  }
  api.on = on;
  return api as StoredeckApi;
}

contextBridge.exposeInMainWorld('storedeck', buildStoredeckApi(ipcRenderer));
