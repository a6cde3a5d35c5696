// `npm run web -- [--port N] [--data-dir DIR] [--kubeconfig FILE] [--context NAME]`
import { resolve, sep } from 'node:path';
import { createApp } from '../api/create-app';
import { parseWebArgs } from './web-args';
import { runWebHost } from './web-runner';

// From main/host/ (tsx) or from the bundle in out/node/: the built UI is out/web either way.
const STATIC_DIR = import.meta.dirname.endsWith(`${sep}out${sep}node`)
  ? resolve(import.meta.dirname, '../web')
  : resolve(import.meta.dirname, '../../out/web');
const SHUTDOWN_LIMIT_MS = 10_000;

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  const running = await runWebHost(args, createApp, STATIC_DIR);
  console.log(running.banner);
  const shutdown = (signal: string) => {
    console.log(`Storedeck web UI: ${signal}, shutting down`);
    // A stuck watch or job must not keep the terminal hostage.
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Storedeck web UI: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Storedeck web UI: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
