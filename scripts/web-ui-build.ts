// Builds the web host's copy of the renderer (out/web) only when it is missing or older than
// what it is built from, so `npm run web` and `npm run demo` start in a second when nothing
// changed. Run as a script (`tsx scripts/web-ui-build.ts`) or call ensureWebUi().
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const WEB_DIR = join(ROOT, 'out/web');
/** Everything the web build reads: the renderer, the contract it imports, the CSP it embeds. */
const INPUTS = ['renderer', 'preload', 'main/desktop/csp.ts', 'package.json'];

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why out/web must be rebuilt, or null when it is current. */
export function webUiStaleness(root = ROOT, webDir = WEB_DIR): string | null {
  const built = statSync(join(webDir, 'index.html'), { throwIfNoEntry: false });
  if (!built) return 'not built yet';
  const newest = Math.max(...INPUTS.map((input) => newestMtime(join(root, input))));
  return newest > built.mtimeMs ? 'sources changed since the last build' : null;
}

export function ensureWebUi(log: (line: string) => void = console.error): string {
  const reason = webUiStaleness();
  if (reason) {
    log(`Building the web UI (${reason})…`);
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'renderer/vite.web.config.ts',
        '--logLevel',
        'warn',
      ],
      // Vite's own chatter stays out of the way; on failure its output is in the error.
      { cwd: ROOT, stdio: 'pipe' },
    );
  }
  return WEB_DIR;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) ensureWebUi();
