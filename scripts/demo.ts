// `npm run demo [-- --port N]`: Storedeck's web UI against its own SIMULATED cluster
// (test/kube-sim), with a few stores already in different states, for anyone who wants to try
// Storedeck without a Kubernetes cluster. Nothing real is created; everything lives in a temp
// directory that is removed on exit. Prints one URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../main/api/create-app';
import { startWebHost } from '../main/host/server';
import { loadProfile } from '../test/kube-sim/profiles/load-profile';
import { startKubeSim } from '../test/kube-sim/index';
import { demoPullTimes, seedDemoStores } from './demo-stores';
import { ensureWebUi } from './web-ui-build';

const SHUTDOWN_LIMIT_MS = 10_000;

function portArg(argv: string[]): number {
  const at = argv.indexOf('--port');
  if (at === -1) return 0;
  const port = Number(argv[at + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error('--port needs a number from 0 to 65535');
  return port;
}

async function main(): Promise<void> {
  const port = portArg(process.argv.slice(2));
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  const staticDir = ensureWebUi(log);
  const tmp = mkdtempSync(join(tmpdir(), 'storedeck-demo-'));
  const fast = loadProfile('fast');
  log('Storedeck demo: starting a simulated cluster (no Kubernetes, nothing real is created)…');
  const sim = await startKubeSim({
    profile: { ...fast, name: 'demo', timings: { ...fast.timings, imagePullMs: demoPullTimes() } },
    seed: 2026,
  });
  const kubeconfigPath = join(tmp, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfigPath);
  const app = await createApp({
    dataDir: join(tmp, 'data'),
    kubeconfigPath,
    context: 'kube-sim',
    mode: 'web',
    simulated: true,
  });
  const stop = async () => {
    await app.close();
    await sim.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  let host: Awaited<ReturnType<typeof startWebHost>>;
  try {
    log('Storedeck demo: creating the demo stores…');
    await seedDemoStores(app, sim, log);
    host = await startWebHost({ handlers: app.handlers, bus: app.bus, port, staticDir });
  } catch (error) {
    await stop();
    throw error;
  }
  process.stdout.write(`Storedeck demo (simulated cluster): ${host.launchUrl}\n`);
  log('Ctrl-C stops the demo and removes its data.');
  const shutdown = () => {
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    host
      .close()
      .then(stop)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Storedeck demo: shutdown failed:', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Storedeck demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
