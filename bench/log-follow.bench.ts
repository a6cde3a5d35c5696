// Log follow at 10,000 lines/s against the same page at the simulator's 500 lines/s, in one run:
// a producer in the bench (a loopback front for kube-sim answering pods/log?follow) streams
// numbered lines through the real app (client-node, the engine's follow, the web host's events)
// into the Logs tab's xterm in Chromium. Figures: lines that reached the page (none may be
// lost), the last line shown, and the longest task while following. Needs out/web built.
import { writeFileSync } from 'node:fs';
import { ms, ratio, benchEnv, type Benchmark, type BenchResult } from './lib/bench-result';
import { producedLine, startProducerProxy, type ProducerProxy } from './lib/log-producer-proxy';
import { startSimApp, type SimApp } from '../test/e2e/sim-app';

const NAME = 'Follow Shop';
const SECONDS = 5;

interface Side {
  linesPerSecond: number;
  produced: number;
  received: number;
  lost: number;
  lastLineShown: boolean;
  deliveredLinesPerSecond: number;
  longestTaskMs: number;
  longTasksOver50: number;
  longTasks: string[];
}

async function until(
  test: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function follow(s: SimApp, proxy: ProducerProxy, linesPerSecond: number): Promise<Side> {
  const detail = s.ui.detail(NAME);
  await s.page.evaluate(`(() => {
    window.__tasks = [];
    window.__observer?.disconnect();
    const t0 = performance.now();
    window.__observer = new PerformanceObserver((list) =>
      window.__tasks.push(...list.getEntries().map((e) => [Math.round(e.startTime - t0), e.duration])));
    window.__observer.observe({ type: 'longtask', buffered: false });
  })()`);
  const produced = proxy.next({ linesPerSecond, seconds: SECONDS });
  const started = Date.now();
  await detail.followToggle.click();
  const sent = await produced;
  const ended = detail.panel.getByRole('status').filter({ hasText: 'stream ended' });
  await ended.waitFor({ timeout: 60_000 });
  const elapsed = (Date.now() - started) / 1000;
  const received = await detail.logLineCount();
  const shown = (await detail.terminal.locator('.xterm-rows').textContent()) ?? '';
  const timed = (await s.page.evaluate('window.__tasks')) as Array<[number, number]>;
  const tasks = timed.map(([, duration]) => duration);
  return {
    linesPerSecond,
    produced: sent,
    received,
    lost: sent - received,
    lastLineShown: shown.replace(/\u00a0/g, ' ').includes(producedLine(sent).slice(0, 40)),
    deliveredLinesPerSecond: Math.round(received / elapsed),
    longestTaskMs: ms(Math.max(0, ...tasks)),
    longTasksOver50: tasks.filter((t) => t > 50).length,
    // When each long task began (ms after Follow was pressed) and how long it took.
    longTasks: timed.filter(([, d]) => d > 50).map(([at, d]) => `${at}:${ms(d)}`),
  };
}

export const logFollow: Benchmark = {
  name: 'log-follow',
  description: 'Logs tab follow at 10,000 lines/s vs 500 lines/s in Chromium: lines lost, long tasks',
  async run(): Promise<BenchResult> {
    const s = await startSimApp(71);
    const proxy = await startProducerProxy(s.sim);
    try {
      await s.ui.createStore({ name: NAME, adminEmail: 'owner@example.com' });
      await s.ui.cardStatus(NAME).filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
      writeFileSync(s.kubeconfigPath, proxy.kubeconfig);
      await until(() => proxy.requests() > 0, 'the app to reload its kubeconfig');
      const detail = await s.ui.openDetails(NAME);
      await detail.openTab('Logs');
      const lines = detail.panel.getByRole('spinbutton', { name: 'Lines' });
      await lines.fill('1');
      await lines.press('Enter');
      await until(async () => (await detail.logLineCount()) === 1, 'a one-line tail');
      const baseline = await follow(s, proxy, 500);
      const ours = await follow(s, proxy, 10_000);
      return {
        name: 'log-follow',
        unit: 'ms (wall clock, Chromium)',
        metric: 'longestTaskMs',
        ours: { ...ours },
        baseline: { ...baseline },
        ratio: ratio(ours.longestTaskMs, baseline.longestTaskMs),
        ratios: {
          deliveredLinesPerSecond: ratio(ours.deliveredLinesPerSecond, baseline.deliveredLinesPerSecond),
        },
        runs: 1,
        method: `A producer in the bench answers the Logs tab's follow (pods/log?follow=true, via a loopback front for kube-sim) with ${SECONDS} s of numbered lines at 10,000/s (ours) or 500/s (baseline, the sim's rate), through client-node, the engine's follow, the web host and the renderer into xterm. received = the tab's line count when the stream ended; long tasks from PerformanceObserver while following. Target: lost 0, last line shown, no long task over 50 ms.`,
        env: benchEnv(),
      };
    } finally {
      await proxy.close();
      await s.close();
    }
  },
};
