// The shape every benchmark reports: our figures and the baseline's, measured in the same run,
// with the ratio between them and where it ran.
import { availableParallelism } from 'node:os';

export interface BenchEnv {
  node: string;
  cpus: number;
  platform: string;
}

export interface BenchResult {
  name: string;
  /** Unit of the headline figures, e.g. "ms (sim clock)". */
  unit: string;
  /** The figure (a key of ours/baseline) that `ratio` compares. */
  metric: string;
  ours: Record<string, unknown>;
  baseline: Record<string, unknown>;
  /** ours ÷ baseline for `metric`: below 1 means ours is smaller (faster, fewer). Null when the baseline is 0. */
  ratio: number | null;
  /** More ours ÷ baseline figures, by name. */
  ratios: Record<string, number | null>;
  /** Samples (stores, passes) behind the figures, per side. */
  runs: number;
  /** How the figures were produced, in a sentence or two. */
  method: string;
  env: BenchEnv;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
  /** Its own bound when the runner's default is too small for it (say why beside it). */
  timeoutMs?: number;
}

export function benchEnv(): BenchEnv {
  return {
    node: process.version,
    cpus: availableParallelism(),
    platform: `${process.platform}-${process.arch}`,
  };
}

/** ours ÷ baseline to 4 significant digits; null when it cannot be formed. */
export function ratio(ours: number, baseline: number): number | null {
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return null;
  return Number((ours / baseline).toPrecision(4));
}

/** Milliseconds rounded to 0.1 for reporting. */
export const ms = (value: number): number => Math.round(value * 10) / 10;
