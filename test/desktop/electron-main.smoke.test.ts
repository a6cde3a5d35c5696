// The BUILT desktop main process (out/main/index.js from `npm run build`) under plain Node, with
// the electron double in place of Electron and the simulator as the cluster: it starts, opens a
// hardened window on app://, answers the contract over IPC from the engine, notifies once when a
// store turns Ready, lists stores in the tray, and quits with the engine closed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannel, ipcEventChannel, type Result, type Store } from '../../preload/contract';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import { channelProblems, windowProblems } from './bundle-checks';
import { startMainProcess, type MainProcess } from './main-process';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'out/main/index.js');
const APP_PAGE = 'app://storedeck/index.html';

let tmp: string;
let sim: KubeSim;
let main: MainProcess;

const invoke = <T>(name: Parameters<typeof ipcChannel>[0], payload: unknown, senderUrl = APP_PAGE) =>
  main.command<Result<T>>('invoke', { channel: ipcChannel(name), payload, senderUrl });

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error('out/main/index.js is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'storedeck-smoke-'));
  sim = await startKubeSim({ profile: 'fast', seed: 12 });
  await sim.writeKubeconfig(join(tmp, 'kubeconfig'));
  main = startMainProcess({
    bundle: BUNDLE,
    userData: join(tmp, 'user-data'),
    env: { KUBECONFIG: join(tmp, 'kubeconfig') },
    packaged: true,
  });
  await main.waitFor('BrowserWindow.loadURL');
});

afterAll(async () => {
  main?.kill();
  await sim?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('desktop main bundle, started', () => {
  it('creates one window with the secure options, on app://, with an existing preload bundle', () => {
    expect(windowProblems(main.records, true)).toEqual([]);
    // Packaged builds on Linux/Windows carry no menu (no Reload, no Toggle Developer Tools).
    expect(main.calls('Menu.setApplicationMenu')).toEqual([[null]]);
    expect(main.calls('protocol.registerSchemesAsPrivileged')[0]?.[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
    ]);
  });

  it('registers exactly the contract channels', () => {
    expect(channelProblems(main.records)).toEqual([]);
  });

  it('serves the renderer and every asset it references over app://, with the CSP, and nothing else', async () => {
    type Fetched = { status: number; headers: Record<string, string>; body: string };
    const page = await main.command<Fetched>('fetchApp', { url: APP_PAGE });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'none'");
    const assets = [...page.body.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const reply = await main.command<Fetched>('fetchApp', { url: `app://storedeck/${asset}` });
      expect(reply.status, asset).toBe(200);
    }
    for (const url of [
      'app://storedeck/../main/index.js',
      'app://storedeck/%2e%2e/main/index.js',
      'app://other/index.html',
    ])
      expect((await main.command<Fetched>('fetchApp', { url })).status, url).toBe(404);
  });

  it('denies navigation away, new windows, permissions, and IPC from any other page', async () => {
    expect(
      await main.command('navigate', { window: 1, event: 'will-navigate', url: 'https://evil.example/' }),
    ).toBe(true);
    expect(await main.command('navigate', { window: 1, event: 'will-navigate', url: `${APP_PAGE}#x` })).toBe(
      false,
    );
    expect(await main.command('windowOpen', { window: 1, url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(await main.command('permission', { permission: 'media' })).toBe(false);
    const foreign = await invoke('listStores', {}, 'https://evil.example/');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers listStores and createStore from the engine against the simulator; validation errors come back as values', async () => {
    expect(await invoke<Store[]>('listStores', {})).toEqual({ ok: true, value: [] });
    const bad = await invoke('createStore', { name: '', adminEmail: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const created = await invoke<Store>('createStore', {
      name: 'Smoke shop',
      adminEmail: 'owner@example.com',
    });
    expect(created).toMatchObject({ ok: true, value: { name: 'Smoke shop', namespace: 'store-smoke-shop' } });
    const listed = await invoke<Store[]>('listStores', {});
    expect(listed.ok && listed.value.map((s) => s.name)).toEqual(['Smoke shop']);
  });

  it('turns Ready: the renderer hears it, one notification, the tray lists the store', async () => {
    const readyEvent = (args: unknown[]) =>
      args[1] === ipcEventChannel('storeChanged') && (args[2] as Store).status === 'Ready';
    await main.waitFor('webContents.send', readyEvent, 45_000);
    const [index, notice] = await main.waitFor('Notification.show');
    expect(index).toBe(0);
    expect(notice).toMatchObject({ title: 'Smoke shop is ready' });
    await main.waitFor('Tray.setContextMenu', (args) =>
      (args[0] as Array<{ label: string | null }>).some((i) => i.label === 'Smoke shop — Ready'),
    );
  });

  it('a notification click brings the app back after its window was closed', async () => {
    await main.command('closeWindow', { window: 1 });
    expect(main.calls('app.quit')).toEqual([]);
    await main.command('clickNotification', { index: 0 });
    const [id] = await main.waitFor('BrowserWindow.new', (args) => args[0] === 2);
    expect(id).toBe(2);
    await main.waitFor('BrowserWindow.loadURL', (args) => args[0] === 2 && args[1] === APP_PAGE);
  });

  it('quits from the tray: the engine closes (lease released, database checkpointed) and the process exits 0', async () => {
    await main.command('clickTrayItem', { label: 'Quit Storedeck' });
    expect(await main.exited).toBe(0);
    expect(main.calls('app.exit')).toEqual([[0]]);
    expect(main.calls('Notification.show')).toHaveLength(1);
    const dbFile = join(tmp, 'user-data', 'storedeck.db');
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    const db = new Database(dbFile, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM worker_lease').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT status FROM stores').all()).toEqual([{ status: 'Ready' }]);
    } finally {
      db.close();
    }
  });
});

describe('the same checks catch a broken copy of the bundle', () => {
  let copy: string;
  beforeAll(() => {
    // Inside the repo, so the copy still resolves node_modules as the real bundle does.
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    copy = mkdtempSync(join(ROOT, 'test-results', 'smoke-broken-'));
    cpSync(join(ROOT, 'out'), copy, { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  async function startBroken(edit: (source: string) => string): Promise<MainProcess> {
    const file = join(copy, 'main/index.js');
    const source = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    const edited = edit(source);
    expect(edited).not.toBe(source);
    writeFileSync(file, edited);
    const broken = startMainProcess({
      bundle: file,
      userData: mkdtempSync(join(tmp, 'broken-')),
      packaged: true,
    });
    await broken.waitFor('BrowserWindow.loadURL');
    return broken;
  }

  it('a wrong preload path and a renamed IPC channel', async () => {
    const broken = await startBroken((s) =>
      s
        .replace('"../preload/index.cjs"', '"../preload/index.mjs"')
        .replace('`storedeck:${name}`', '`storedeck/${name}`'),
    );
    expect(windowProblems(broken.records, true)).toEqual([
      expect.stringMatching(/preload .*index\.mjs does not exist/),
    ]);
    expect(channelProblems(broken.records)).toEqual([
      expect.stringMatching(/^channels not registered: storedeck:getAppInfo/),
      expect.stringMatching(/^channels outside the contract: storedeck\/getAppInfo/),
    ]);
    await broken.command('quit');
    expect(await broken.exited).toBe(0);
  });
});
