// The app window: an untrusted renderer in a sandbox, which can neither navigate away, open
// windows, nor ask for permissions; its CSP is enforced by header as well as by meta tag.
import { BrowserWindow, type Session } from 'electron';
import { isAppUrl } from './app-url';
import { contentSecurityPolicy } from './csp';

export type WindowOptions = {
  preloadPath: string;
  /** The dev server URL (electron-vite dev) or app://storedeck/index.html (see app-files.ts). */
  appUrl: string;
  iconPath: string;
  /** Off in packaged builds: devtools would hand anyone at the keyboard the renderer's bridge. */
  devTools: boolean;
};

const hardened = new WeakSet<Session>();

function hardenSession(session: Session, csp: string): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [csp] }; // eng-disable CSP_GLOBAL_CHECK the policy is built in csp ts and evaluated by its tests
    callback({ responseHeaders: headers });
  });
  // Copying the admin password is the one capability the UI needs.
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
}

export function createMainWindow({ preloadPath, appUrl, iconPath, devTools }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Storedeck',
    icon: iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK it exposes only the contract methods as the preload bundle smoke test proves
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise try to open it in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
  hardenSession(win.webContents.session, contentSecurityPolicy(appUrl.startsWith('http:') ? 'dev' : 'app'));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}
