// Without --data-dir the CLI shares the desktop app's state: Electron's userData folder is
// <appData>/<package name>, and appData is per platform (this mirrors Electron's own rule).
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_NAME = 'storedeck';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}
