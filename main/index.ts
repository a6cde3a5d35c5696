// Electron main: wiring only. The engine lives behind createApp; everything Electron-specific
// lives in main/desktop/.
import { join } from 'node:path';
import { app, dialog, ipcMain } from 'electron';
import { createApp } from './api/create-app';
import { applyAppMenu } from './desktop/app-menu';
import { APP_URL } from './desktop/app-files';
import { registerAppScheme, serveAppScheme } from './desktop/app-scheme';
import { isAppUrl } from './desktop/app-url';
import { forwardEvents, registerIpc } from './desktop/ipc';
import { notifyStoreTransitions } from './desktop/notifications';
import { desktopOpenExternal } from './desktop/open-external';
import { desktopChooseArchive } from './desktop/choose-archive';
import { createTray } from './desktop/tray';
import { createMainWindow } from './desktop/window';
import { createWindowKeeper } from './desktop/window-keeper';
import iconPath from '../build/icon.png?asset';

const SHUTDOWN_LIMIT_MS = 10_000;
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServer ?? APP_URL;
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

async function start(): Promise<void> {
  await app.whenReady();
  app.setAppUserModelId('dev.storedeck.app');
  serveAppScheme(rendererDir);
  applyAppMenu(app.isPackaged);
  const core = await createApp({ dataDir: app.getPath('userData'), mode: 'desktop' });
  const handlers = {
    ...core.handlers,
    openExternal: desktopOpenExternal(core.handlers.listStores),
    chooseRestoreArchive: desktopChooseArchive(),
  };
  const windows = createWindowKeeper(() =>
    createMainWindow({ preloadPath, appUrl, iconPath, devTools: !app.isPackaged }),
  );
  const showApp = () => void windows.show();

  registerIpc(ipcMain, handlers, (url) => isAppUrl(url, appUrl));
  forwardEvents(core.bus, () => {
    const win = windows.current();
    return win ? [win.webContents] : [];
  });
  const listed = await core.handlers.listStores({});
  const initial = listed.ok ? listed.value : [];
  notifyStoreTransitions(core.bus, initial, showApp);
  createTray({ bus: core.bus, initial, showApp, quit: () => app.quit() });

  app.on('second-instance', showApp);
  app.on('activate', showApp);
  // Closing the window keeps Storedeck in the tray, so provisioning and its notification go on.
  app.on('window-all-closed', () => undefined);
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    setTimeout(() => app.exit(1), SHUTDOWN_LIMIT_MS).unref();
    void core.close().finally(() => app.exit(0));
  });
  showApp();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Before 'ready': a scheme's privileges are fixed when it is registered.
  registerAppScheme();
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error('Storedeck failed to start:', error);
    dialog.showErrorBox('Storedeck could not start', message);
    app.exit(1);
  });
}
