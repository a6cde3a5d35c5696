// Where Storedeck keeps its database: --data-dir, else STOREDECK_DATA_DIR, else the folder
// Electron uses as userData for the app (productName "Storedeck"), so the CLI, the web host and
// the desktop app see the same stores by default.
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const DATABASE_FILE_NAME = 'storedeck.db';

export interface DataDirOptions {
  /** An explicit directory (--data-dir or Electron's userData); relative paths resolve against cwd. */
  dataDir?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') {
    const appData =
      env.APPDATA && env.APPDATA.length > 0 ? env.APPDATA : path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Storedeck');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Storedeck');
  // Electron's appData on Linux is XDG_CONFIG_HOME or ~/.config; a relative XDG value is invalid per the spec.
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(base, 'Storedeck');
}

export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  if (options.dataDir) return path.resolve(options.dataDir);
  if (env.STOREDECK_DATA_DIR) return path.resolve(env.STOREDECK_DATA_DIR);
  return defaultDataDir(env, options.platform ?? process.platform, options.home ?? homedir());
}

/**
 * Creates the directory (and parents) readable by the owner only, or tightens one of ours that
 * another tool (or an older Storedeck) made group/world-readable; returns it. Every entry point
 * (desktop, web host, CLI) goes through here via createApp.
 */
export function ensureDataDir(dir: string): string {
  const existed = statSync(dir, { throwIfNoEntry: false });
  if (existed && !existed.isDirectory())
    throw new Error(`Data directory ${dir} exists and is not a directory`);
  if (process.platform === 'win32') {
    if (!existed) mkdirSync(dir, { recursive: true });
    return dir;
  }
  if (!existed) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask; the store list is private either way.
    chmodSync(dir, 0o700);
  } else if ((existed.mode & 0o077) !== 0 && existed.uid === process.getuid?.()) {
    chmodSync(dir, 0o700);
  }
  return dir;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}
