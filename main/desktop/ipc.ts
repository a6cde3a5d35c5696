// Electron IPC transport of the contract: one ipcMain.handle per request channel, every payload
// through dispatch (zod-validated, never throws), and every bus event sent to the app's windows.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_NAMES, err, ipcChannel, ipcEventChannel, type Result } from '../../preload/contract';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handler-types';
import type { EventBus } from '../primitives/event-bus';

type Registrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpc(
  ipc: Registrar,
  handlers: Handlers,
  isTrustedSender: (senderUrl: string) => boolean,
): () => void {
  for (const name of REQUEST_NAMES) {
    ipc.handle(
      ipcChannel(name),
      async (event: IpcMainInvokeEvent, raw: unknown): Promise<Result<unknown>> => {
        // A frame that navigated elsewhere (or an injected iframe) gets nothing from main.
        const senderUrl = event.senderFrame?.url ?? '';
        if (!isTrustedSender(senderUrl)) return err('forbidden', 'This page may not call Storedeck');
        return dispatch(handlers, name, raw);
      },
    );
  }
  return () => REQUEST_NAMES.forEach((name) => ipc.removeHandler(ipcChannel(name)));
}

/** Sends every bus event to the given windows' renderers; returns the unsubscribe function. */
export function forwardEvents(bus: EventBus, targets: () => WebContents[]): () => void {
  return bus.subscribe((name, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(ipcEventChannel(name), payload);
    }
  });
}
