// Start-up a person waits for: a cold `storedeck list` (the built CLI bundle) and the web host
// from launch to its printed URL (the built bundle, UI already built), each against `node -e 0`
// measured in the same run: the ratio is how many bare Node start-ups each costs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startKubeSim } from '../test/kube-sim/index';
import { benchEnv, ratio, type BenchResult, type Benchmark } from './lib/bench-result';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out/node/storedeck.mjs');
const WEB = join(ROOT, 'out/node/web-host.mjs');
const RUNS = 5;
const RUN_TIMEOUT_MS = 30_000;

/** Wall time from spawn to exit, or to the first stdout chunk matching `until` (then killed). */
function timeRun(args: string[], env: NodeJS.ProcessEnv, until?: RegExp): Promise<number> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${args.join(' ')} took over ${RUN_TIMEOUT_MS} ms: ${out}`));
    }, RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until?.test(out)) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        child.once('exit', () => done(ms));
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (until) return;
      clearTimeout(timer);
      if (code === 0) done(performance.now() - t0);
      else fail(new Error(`${args.join(' ')} exited ${code}: ${out}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Math.round(n);

export const startup: Benchmark = {
  name: 'startup',
  description: 'cold `storedeck list` and web-host start to URL (bundles) vs `node -e 0`',
  async run(): Promise<BenchResult> {
    if (!existsSync(CLI) || !existsSync(WEB) || !existsSync(join(ROOT, 'out/web/index.html')))
      throw new Error('out/node or out/web is missing: run `npm run build && npm run build:web` first');
    const tmp = mkdtempSync(join(tmpdir(), 'storedeck-bench-startup-'));
    const sim = await startKubeSim({ profile: 'fast', seed: 5 });
    try {
      const kubeconfig = join(tmp, 'kubeconfig');
      await sim.writeKubeconfig(kubeconfig);
      const env = { ...process.env, KUBECONFIG: kubeconfig };
      const node: number[] = [];
      const list: number[] = [];
      const web: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        // Interleaved, so load on the machine falls on every side alike.
        node.push(await timeRun(['-e', '0'], env));
        list.push(await timeRun([CLI, 'list', '--data-dir', join(tmp, `list-${i}`)], env));
        web.push(
          await timeRun([WEB, '--data-dir', join(tmp, `web-${i}`)], env, /http:\/\/127\.0\.0\.1:\d+\//),
        );
      }
      const baseline = { medianMs: round(median(node)), samplesMs: node.map(round) };
      return {
        name: 'startup',
        unit: 'ms (wall clock)',
        metric: 'listMedianMs',
        ours: {
          listMedianMs: round(median(list)),
          webToUrlMedianMs: round(median(web)),
          listSamplesMs: list.map(round),
          webSamplesMs: web.map(round),
        },
        baseline,
        ratio: ratio(median(list), median(node)),
        ratios: { webToUrlMedianMs: ratio(median(web), median(node)) },
        runs: RUNS,
        method:
          'Each sample spawns a fresh Node process: `node -e 0`, then `storedeck list` on an empty data dir, then the web host until it prints its URL; medians of 5 interleaved runs. Ratios are multiples of a bare Node start.',
        env: benchEnv(),
      };
    } finally {
      await sim.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
