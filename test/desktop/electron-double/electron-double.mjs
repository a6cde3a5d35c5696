// A test double of the `electron` module for running the BUILT main bundle (out/main/index.js)
// under plain Node: every call the app makes is recorded and sent to the parent test over the
// fork IPC channel, and the parent drives the fake world (renderer IPC calls, notification and
// tray clicks, window closes, quit) with commands. Loaded through register.mjs's resolve hook.
import { EventEmitter } from 'node:events';

const send = (message) => process.send?.(message);
/** Keeps what a structured clone can carry (functions become "[function]"). */
const plain = (value) =>
  JSON.parse(JSON.stringify(value ?? null, (_k, v) => (typeof v === 'function' ? '[function]' : v)));
const record = (api, ...args) => send({ type: 'record', api, args: plain(args) });

const ipcHandlers = new Map();
const protocolHandlers = new Map();
const windows = [];
const notifications = [];
const trays = [];

class FakeEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

class FakeSession {
  webRequest = {
    onHeadersReceived: (listener) => record('session.webRequest.onHeadersReceived', typeof listener),
  };
  setPermissionRequestHandler(handler) {
    this.permissionRequest = handler;
    record('session.setPermissionRequestHandler');
  }
  setPermissionCheckHandler(handler) {
    this.permissionCheck = handler;
    record('session.setPermissionCheckHandler');
  }
}
const defaultSession = new FakeSession();

class FakeWebContents extends EventEmitter {
  session = defaultSession;
  destroyed = false;
  constructor(id) {
    super();
    this.id = id;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
    record('webContents.setWindowOpenHandler');
  }
  send(channel, payload) {
    record('webContents.send', this.id, channel, payload);
  }
  isDestroyed() {
    return this.destroyed;
  }
  openDevTools() {
    record('webContents.openDevTools', this.id);
  }
}

export class BrowserWindow extends EventEmitter {
  destroyed = false;
  minimized = false;
  constructor(options) {
    super();
    this.id = windows.length + 1;
    this.options = options;
    this.webContents = new FakeWebContents(this.id);
    windows.push(this);
    record('BrowserWindow.new', this.id, options);
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', this.id, url);
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show', this.id);
  }
  focus() {
    record('BrowserWindow.focus', this.id);
  }
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  setMenu(menu) {
    record('BrowserWindow.setMenu', this.id, menu);
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = process.env.ELECTRON_DOUBLE_PACKAGED === '1';
  whenReady() {
    record('app.whenReady');
    return Promise.resolve();
  }
  getPath(name) {
    record('app.getPath', name);
    if (name === 'userData') return process.env.ELECTRON_DOUBLE_USER_DATA;
    throw new Error(`electron-double: no path for ${name}`);
  }
  getVersion() {
    return '0.0.0-double';
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id);
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  /** Electron's order: before-quit (cancellable), will-quit (cancellable), quit, then the exit. */
  quit() {
    record('app.quit');
    const before = new FakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = new FakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.emit('quit', new FakeEvent(), 0);
    this.exit(0);
  }
  exit(code = 0) {
    record('app.exit', code);
    // Let the record reach the parent before the process goes.
    if (process.send) process.send({ type: 'exit', code }, () => process.exit(code));
    else process.exit(code);
  }
}
export const app = new FakeApp();

export const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
    record('ipcMain.handle', channel);
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
    record('ipcMain.removeHandler', channel);
  },
  on(channel) {
    record('ipcMain.on', channel);
  },
};

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    trays.push(this);
    record('Tray.new', image?.path ?? null);
  }
  setContextMenu(menu) {
    this.menu = menu;
    record(
      'Tray.setContextMenu',
      menu.items.map((i) => ({ label: i.label ?? null, type: i.type ?? 'normal' })),
    );
  }
  setToolTip(text) {
    record('Tray.setToolTip', text);
  }
  destroy() {
    record('Tray.destroy');
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ items: template }),
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu', menu ? menu.items.map((i) => i.label ?? i.role ?? null) : null);
  },
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
    notifications.push(this);
  }
  show() {
    record('Notification.show', notifications.indexOf(this), this.options);
  }
}

export const shell = { openExternal: async (url) => record('shell.openExternal', url) };
export const dialog = { showErrorBox: (title, content) => record('dialog.showErrorBox', title, content) };
export const nativeImage = {
  createFromPath(path) {
    const image = { path, resize: () => image, isEmpty: () => false };
    return image;
  },
};
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    protocolHandlers.set(scheme, handler);
    record('protocol.handle', scheme);
  },
};
export const session = { defaultSession };
export const contextBridge = {};
export const ipcRenderer = {};

/** The parent's commands: each answers {type:'reply', id, value} or {type:'reply', id, error}. */
const commands = {
  async invoke({ channel, payload, senderUrl }) {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: senderUrl }, sender: windows.at(-1)?.webContents }, payload);
  },
  readyToShow: ({ window }) => windows[window - 1].emit('ready-to-show'),
  closeWindow({ window }) {
    const win = windows[window - 1];
    win.destroyed = true;
    win.webContents.destroyed = true;
    win.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed', new FakeEvent());
  },
  clickNotification: ({ index }) => notifications[index].emit('click'),
  trayMenu: () => plain(trays.at(-1)?.menu.items),
  clickTrayItem({ label }) {
    const item = trays.at(-1)?.menu.items.find((i) => i.label === label);
    if (!item?.click) throw new Error(`No tray item "${label}" with a click handler`);
    item.click();
  },
  navigate({ window, event, url }) {
    const e = new FakeEvent();
    windows[window - 1].webContents.emit(event, e, url);
    return e.defaultPrevented;
  },
  windowOpen: ({ window, url }) => windows[window - 1].webContents.windowOpenHandler({ url }),
  permission: ({ permission }) =>
    new Promise((resolve) => defaultSession.permissionRequest(null, permission, resolve)),
  async fetchApp({ url, method }) {
    const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`No protocol handler for ${url}`);
    const response = await handler(new Request(url, { method: method ?? 'GET' }));
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  },
  quit: () => app.quit(),
};

process.on('message', (message) => {
  const run = commands[message?.cmd];
  if (!run) return send({ type: 'reply', id: message?.id, error: `unknown command ${message?.cmd}` });
  Promise.resolve()
    .then(() => run(message))
    .then(
      (value) => send({ type: 'reply', id: message.id, value: plain(value) }),
      (error) => send({ type: 'reply', id: message.id, error: String(error?.stack ?? error) }),
    );
});
// The parent going away must not leave an orphan engine behind.
process.on('disconnect', () => process.exit(1));
