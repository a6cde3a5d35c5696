// Packaging, checked without Electron: electron-builder --dir with a stand-in Electron (a file
// carrying the fuse wire, so the fuses are really flipped), then the output read back: fuses,
// app.asar's contents, the native addon outside the archive, the resources, and finally the
// packaged main bundle started (from the extracted archive, with only its own node_modules).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannel } from '../../preload/contract';
import { startMainProcess } from './main-process';

const ROOT = resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
// AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_WIRE = '10110001';
const ON = 49;
const OFF = 48;

let tmp: string;
let unpacked: string;
let files: string[];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/index.js')))
    throw new Error('out/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'storedeck-pack-'));
  const dist = join(tmp, 'electron-dist');
  mkdirSync(dist);
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from(DEFAULT_WIRE),
  ]);
  writeFileSync(join(dist, 'electron'), binary);
  chmodSync(join(dist, 'electron'), 0o755);
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--dir',
      '--linux',
      '--x64',
      `-c.electronDist=${dist}`,
      `-c.directories.output=${join(tmp, 'release')}`,
    ],
    { cwd: ROOT, timeout: 240_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  unpacked = join(tmp, 'release/linux-unpacked');
  files = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false });
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('electron-builder --dir output', () => {
  it('flips the fuses in the binary: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; asar only, checked', async () => {
    const wire = (await getCurrentFuseWire(join(unpacked, 'storedeck'))) as unknown as Record<string, number>;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => wire[i])).toEqual([OFF, ON, OFF, OFF, ON, ON, OFF, OFF]);
  });

  it('app.asar holds the three bundles, every renderer asset, the main chunks and package.json', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ])
      expect(files, file).toContain(file);
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    for (const [, asset] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g))
      expect(files).toContain(`/out/renderer/${asset}`);
    const main = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    for (const [, chunk] of main.matchAll(/"\.\/(chunks\/[^"]+)"/g))
      expect(files).toContain(`/out/main/${chunk}`);
  });

  it('ships every production dependency and none of the build tools, no source maps, no web build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies))
      expect(files).toContain(`/node_modules/${dep}/package.json`);
    for (const tool of ['electron', 'electron-builder', 'vitest', 'typescript', 'vite', 'playwright-core'])
      expect(files).not.toContain(`/node_modules/${tool}/package.json`);
    expect(
      files.filter(
        (f) =>
          f.startsWith('/out/') && (f.endsWith('.map') || f.startsWith('/out/web') || f.includes('.test.')),
      ),
    ).toEqual([]);
  });

  it("keeps better-sqlite3's native addon outside the archive, where dlopen can read it", () => {
    expect(
      existsSync(
        join(
          unpacked,
          'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        ),
      ),
    ).toBe(true);
  });

  it('ships the access chart and the Kind config beside the app', () => {
    expect(existsSync(join(unpacked, 'resources/charts/storedeck-access/Chart.yaml'))).toBe(true);
    expect(existsSync(join(unpacked, 'resources/charts/kind'))).toBe(true);
  });

  it('the packaged main bundle starts from the archive alone and answers the contract', async () => {
    const app = join(tmp, 'app');
    extractAll(join(unpacked, 'resources/app.asar'), app);
    const main = startMainProcess({
      bundle: join(app, 'out/main/index.js'),
      userData: join(tmp, 'user-data'),
      packaged: true,
    });
    try {
      await main.waitFor('BrowserWindow.loadURL', undefined, 60_000);
      const page = await main.command<{ status: number }>('fetchApp', { url: 'app://storedeck/index.html' });
      expect(page.status).toBe(200);
      const info = await main.command('invoke', {
        channel: ipcChannel('getAppInfo'),
        payload: {},
        senderUrl: 'app://storedeck/index.html',
      });
      expect(info).toMatchObject({ ok: true, value: { mode: 'desktop' } });
      await main.command('quit');
      expect(await main.exited).toBe(0);
    } finally {
      main.kill();
    }
  }, 90_000);
});
