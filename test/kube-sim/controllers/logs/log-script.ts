import type { Rng } from '../../types.js';

/** One scripted line: `offset` sim ms after the container started; text may embed its own clock. */
export interface ScriptLine {
  offset: number;
  text(at: number): string;
}

/** What one container instance prints: startup lines, then optionally a line every `every` ms. */
export interface LogScript {
  lines: ScriptLine[];
  periodic?: { first: number; every: number; text(at: number, n: number): string };
}

export type Outcome = 'serve' | 'succeed' | 'fail' | 'crash';

export interface ScriptInput {
  image: string;
  tag: string;
  pod: string;
  container: string;
  env: Record<string, string>;
  podIP: string;
  /** First run on this volume (WordPress copies its files, MySQL initialises its datadir). */
  firstRun: boolean;
  /** When the container is ready (serving) or exits (jobs, crashes), in ms after start. */
  readyAfterMs: number;
  exitAfterMs?: number;
  outcome: Outcome;
  rng: Rng;
}

/** Spreads n lines evenly over [from, to). */
export const spread = (n: number, from: number, to: number): number[] =>
  Array.from({ length: n }, (_, i) => from + ((to - from) * i) / Math.max(1, n));
