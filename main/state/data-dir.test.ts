import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, ensureDataDir, resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  const home = '/home/alice';

  it('prefers --data-dir, then STOREDECK_DATA_DIR', () => {
    const env = { STOREDECK_DATA_DIR: '/srv/storedeck', XDG_CONFIG_HOME: '/xdg' };
    expect(resolveDataDir({ dataDir: '/tmp/explicit', env, platform: 'linux', home })).toBe('/tmp/explicit');
    expect(resolveDataDir({ dataDir: null, env, platform: 'linux', home })).toBe('/srv/storedeck');
    expect(resolveDataDir({ dataDir: 'relative/dir', env: {}, platform: 'linux', home })).toBe(
      path.resolve('relative/dir'),
    );
  });

  it('uses the per-user data folder of each platform', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg/data' }, platform: 'linux', home })).toBe(
      '/xdg/data/Storedeck',
    );
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe('/home/alice/.config/Storedeck');
    // A relative XDG_CONFIG_HOME is invalid per the XDG spec and ignored.
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: 'data' }, platform: 'linux', home })).toBe(
      '/home/alice/.config/Storedeck',
    );
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/alice' })).toBe(
      '/Users/alice/Library/Application Support/Storedeck',
    );
    expect(
      resolveDataDir({
        env: { APPDATA: 'C:\\Users\\alice\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\alice',
      }),
    ).toBe('C:\\Users\\alice\\AppData\\Roaming\\Storedeck');
    expect(resolveDataDir({ env: { STOREDECK_DATA_DIR: '' }, platform: 'linux', home })).toBe(
      '/home/alice/.config/Storedeck',
    );
  });
});

describe('ensureDataDir', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'storedeck-datadir-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it.runIf(process.platform !== 'win32')('creates missing directories readable by the owner only', () => {
    const dir = path.join(root, 'nested', 'storedeck');
    const previous = process.umask(0o000);
    try {
      expect(ensureDataDir(dir)).toBe(dir);
    } finally {
      process.umask(previous);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(databaseFile(dir)).toBe(path.join(dir, 'storedeck.db'));
    // Calling it again on an existing directory is fine.
    expect(ensureDataDir(dir)).toBe(dir);
  });

  it.runIf(process.platform !== 'win32')(
    'tightens an existing group/world-readable directory to 0700',
    () => {
      const dir = path.join(root, 'made-by-mkdir-p');
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
      ensureDataDir(dir);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    },
  );

  it('refuses a path that is a file', () => {
    const file = path.join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => ensureDataDir(file)).toThrow(/exists and is not a directory/);
  });
});
