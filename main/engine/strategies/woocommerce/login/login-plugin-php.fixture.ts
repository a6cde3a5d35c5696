// Runs the login plugin under Debian's php-cli with WordPress's functions stubbed
// (wp-stubs.fixture.php), one request per process: what it printed (a page) and what it did.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const STUBS = path.join(import.meta.dirname, 'wp-stubs.fixture.php');

export interface PluginRun {
  page: string;
  outcome: Record<string, unknown> | null;
}

/** GET is the browser opening the link; POST is the page sending back the fragment's token. */
export function runLoginPlugin(
  files: { contentDir: string; plugin: string },
  method: 'GET' | 'POST',
  token: string,
): PluginRun {
  const out = execFileSync('php', [STUBS], {
    env: {
      ...process.env,
      STOREDECK_TEST_CONTENT_DIR: files.contentDir,
      STOREDECK_TEST_PLUGIN: files.plugin,
      STOREDECK_TEST_METHOD: method,
      STOREDECK_TEST_TOKEN: token,
    },
    encoding: 'utf8',
  });
  const cut = out.lastIndexOf('\n');
  return { page: out.slice(0, cut), outcome: JSON.parse(out.slice(cut + 1)) as PluginRun['outcome'] };
}
