// The acceptance report: every step with its duration and outcome, the versions it ran on,
// and the screenshots, all in one folder (report.json beside the .png files).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Snap } from './storefront.steps';

export interface StepRecord {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface AcceptanceReport {
  startedAt: string;
  finishedAt: string | null;
  context: string | null;
  passed: boolean;
  versions: Record<string, string>;
  timings: Record<string, number>;
  steps: StepRecord[];
  screenshots: string[];
}

/** Screenshots named <name>.png in dir, each also listed in `into`. */
export function screenshotter(dir: string, into: string[]): Snap {
  return async (page: Page, name: string) => {
    const file = `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`;
    await page.screenshot({ path: join(dir, file), fullPage: true });
    into.push(file);
  };
}

export class Report {
  readonly data: AcceptanceReport;
  readonly snap: Snap;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.data = {
      startedAt: new Date().toISOString(),
      finishedAt: null,
      context: null,
      passed: false,
      versions: {},
      timings: {},
      steps: [],
      screenshots: [],
    };
    this.snap = screenshotter(dir, this.data.screenshots);
  }

  /** Runs one step; its message (or error) and duration go in the report, and one line to the log. */
  async step<T>(name: string, run: () => Promise<{ value: T; detail: string }>): Promise<T> {
    const started = performance.now();
    try {
      const { value, detail } = await run();
      this.record({ name, ok: true, ms: Math.round(performance.now() - started), detail });
      return value;
    } catch (error) {
      this.record({
        name,
        ok: false,
        ms: Math.round(performance.now() - started),
        detail: (error as Error).message,
      });
      throw error;
    }
  }

  private record(step: StepRecord): void {
    this.data.steps.push(step);
    this.data.timings[step.name] = step.ms;
    console.log(
      `${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${(step.ms / 1000).toFixed(1)} s): ${step.detail}`,
    );
    this.write();
  }

  write(): string {
    const file = join(this.dir, 'report.json');
    writeFileSync(file, `${JSON.stringify(this.data, null, 2)}\n`);
    return file;
  }
}
