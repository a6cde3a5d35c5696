// `npm run bench -- [name...] [--out FILE]`: runs the benchmarks one after another (never in
// parallel: they time things), prints one JSON document on stdout, progress on stderr.
import { writeFile } from 'node:fs/promises';
import { benchEnv, type BenchResult, type Benchmark } from './lib/bench-result';
import { withTimeout } from './lib/bench-kit';
import { parseRunArgs, USAGE } from './run-args';
import { apiOverhead } from './api-overhead.bench';
import { controllerScale, deleteBurst } from './controller-scale.bench';
import { dashboardRender } from './dashboard-render.bench';
import { logFollow } from './log-follow.bench';
import { engineCpu } from './engine-cpu.bench';
import { liveWatchCost } from './live-watch-cost.bench';
import { provisionBurst } from './provision-burst.bench';
import { provisionThroughput } from './provision-throughput.bench';
import { readyLatency } from './ready-latency.bench';
import { reconcileNoop } from './reconcile-noop.bench';
import { startup } from './startup.bench';

const BENCHMARKS: Benchmark[] = [
  readyLatency,
  provisionThroughput,
  provisionBurst,
  reconcileNoop,
  apiOverhead,
  engineCpu,
  startup,
  controllerScale,
  deleteBurst,
  dashboardRender,
  logFollow,
  liveWatchCost,
];
/** Bound per benchmark; the whole run stays under about three minutes on two cores. */
const BENCH_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  const parsed = parseRunArgs(
    process.argv.slice(2),
    BENCHMARKS.map((b) => b.name),
  );
  if (!parsed.ok) {
    console.error(`bench: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.value.help) {
    console.log(`${USAGE}\n\n${BENCHMARKS.map((b) => `  ${b.name.padEnd(22)} ${b.description}`).join('\n')}`);
    return 0;
  }
  const started = performance.now();
  const results: BenchResult[] = [];
  const errors: Array<{ name: string; error: string }> = [];
  for (const name of parsed.value.names) {
    const bench = BENCHMARKS.find((b) => b.name === name) as Benchmark;
    const t0 = performance.now();
    console.error(`bench: ${name} …`);
    try {
      results.push(await withTimeout(bench.run(), bench.timeoutMs ?? BENCH_TIMEOUT_MS, `benchmark ${name}`));
      console.error(`bench: ${name} done in ${Math.round(performance.now() - t0)} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ name, error: message });
      console.error(`bench: ${name} failed: ${message}`);
    }
  }
  const report = {
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    durationMs: Math.round(performance.now() - started),
    env: benchEnv(),
    results,
    errors,
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  process.stdout.write(json);
  if (parsed.value.out) await writeFile(parsed.value.out, json);
  return errors.length > 0 ? 1 : 0;
}

// Exit explicitly: a failed benchmark may leave a sim or a timer behind.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench: unexpected failure:', error);
    process.exit(1);
  },
);
