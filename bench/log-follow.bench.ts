// Log follow at 10,000 lines/s against the same page at the simulator's 500 lines/s, in one run:
// a producer in the bench (a loopback front for kube-sim answering pods/log?follow) streams
// numbered lines through the real app (client-node, the engine's follow, the web host's events)
// into the Logs tab's xterm in Chromium. Figures: lines that reached the page (none may be
// lost), the last line shown, and the longest task while following. Needs out/web built.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ms, ratio, benchEnv, type Benchmark, type BenchResult } from './lib/bench-result';
import { startTaskTrace } from './lib/main-thread-tasks';
import { producedLine, startProducerProxy, type ProducerProxy } from './lib/log-producer-proxy';
import { startSimApp, type SimApp } from '../test/e2e/sim-app';

const NAME = 'Follow Shop';
const SECONDS = 5;
const TAIL_BURST = 5000;

interface Side {
  linesPerSecond: number;
  /** The machine's 1-minute load average as this side began (2 cores shared: wall times stretch). */
  loadAverage: number;
  produced: number;
  /** Lines xterm parsed (its write callbacks), the figure `lost` is taken from. */
  received: number;
  /** The tab's own count: lines that reached the renderer's store. */
  receivedInMemory: number;
  lost: number;
  lastLineShown: boolean;
  /** The rows on screen are consecutive line numbers (nothing dropped or repeated among them). */
  shownInOrder: boolean;
  /** received ÷ time from pressing Follow to xterm's last parsed write. */
  deliveredLinesPerSecond: number;
  longestTaskMs: number;
  longTasksOver50: number;
  longTasks: string[];
  /** From a trace of the same follow: the CPU the page's main thread spent in its longest task. */
  longestTaskCpuMs: number;
  /** Tasks that ran over 50 ms of the main thread's own CPU (not waiting for a core). */
  tasksOver50Cpu: number;
  /** CPU the page's main thread spent per second of the follow, in ms (1000 = a whole core). */
  mainThreadCpuMsPerSecond: number;
  /** The 5 longest tasks by wall time, as wall/cpu ms: how much of each was the page's own work. */
  longestTasksWallCpu: string[];
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

async function follow(s: SimApp, proxy: ProducerProxy, linesPerSecond: number, burst = 0): Promise<Side> {
  const detail = s.ui.detail(NAME);
  const load = Number((loadavg()[0] ?? 0).toFixed(2));
  // In the page, on its clock from the moment Follow is pressed: long tasks, and when xterm last
  // reported lines parsed (data-written-lines, set from xterm's own write callbacks).
  await s.page.evaluate(
    `(() => {
    const log = document.querySelector('.logs-tab [role="log"]');
    window.__tasks = [];
    window.__observer?.disconnect();
    window.__written?.disconnect();
    window.__t0 = performance.now();
    window.__lastWrite = [0, 0];
    window.__observer = new PerformanceObserver((list) =>
      window.__tasks.push(...list.getEntries().map((e) => [Math.round(e.startTime - window.__t0), e.duration])));
    window.__observer.observe({ type: 'longtask', buffered: false });
    window.__written = new MutationObserver(() => {
      window.__lastWrite = [Number(log.getAttribute('data-written-lines')), performance.now() - window.__t0];
    });
    window.__written.observe(log, { attributes: true, attributeFilter: ['data-written-lines'] });
  })()`,
  );
  const trace = await startTaskTrace(s.page);
  const produced = proxy.next({ linesPerSecond, seconds: SECONDS, burst });
  await s.page.evaluate('window.__t0 = performance.now()');
  await detail.followToggle.click();
  const sent = await produced;
  const ended = detail.panel.getByRole('status').filter({ hasText: 'stream ended' });
  await ended.waitFor({ timeout: 60_000 });
  // The stream has ended at the socket; xterm may still be working through its backlog.
  const written = async () => Number(await detail.terminal.getAttribute('data-written-lines'));
  // Not caught up within a minute: what it has parsed by then is the figure (lost > 0), not an error.
  await until(async () => (await written()) >= sent, 'xterm to take in every line').catch(() => undefined);
  const traced = await trace.stop();
  const [received, lastWriteMs] = (await s.page.evaluate('window.__lastWrite')) as [number, number];
  const inMemory = await detail.logLineCount();
  const shown = ((await detail.terminal.locator('.xterm-rows').textContent()) ?? '').replace(/\u00a0/g, ' ');
  const numbers = [...shown.matchAll(/line (\d{7}) /g)].map((m) => Number(m[1]));
  const timed = (await s.page.evaluate('window.__tasks')) as Array<[number, number]>;
  const tasks = timed.map(([, duration]) => duration);
  return {
    linesPerSecond,
    loadAverage: load,
    produced: sent,
    received,
    receivedInMemory: inMemory,
    lost: sent - received,
    lastLineShown: shown.includes(producedLine(sent).slice(0, 40)),
    shownInOrder:
      numbers.length > 0 && numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1),
    deliveredLinesPerSecond: Math.round(received / (lastWriteMs / 1000)),
    longestTaskMs: ms(Math.max(0, ...tasks)),
    longTasksOver50: tasks.filter((t) => t > 50).length,
    // When each long task began (ms after Follow was pressed) and how long it took.
    longTasks: timed.filter(([, d]) => d > 50).map(([at, d]) => `${at}:${ms(d)}`),
    longestTaskCpuMs: ms(Math.max(0, ...traced.map((t) => t.cpuMs))),
    tasksOver50Cpu: traced.filter((t) => t.cpuMs > 50).length,
    mainThreadCpuMsPerSecond: Math.round(traced.reduce((sum, t) => sum + t.cpuMs, 0) / (lastWriteMs / 1000)),
    longestTasksWallCpu: [...traced]
      .sort((a, b) => b.wallMs - a.wallMs)
      .slice(0, 5)
      .map((t) => `${ms(t.wallMs)}/${ms(t.cpuMs)}`),
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
      // The same rate after a 5,000-line tail replayed at once (Lines 5000, then Follow).
      const afterTail = await follow(s, proxy, 10_000, TAIL_BURST);
      return {
        name: 'log-follow',
        unit: 'ms (wall clock, Chromium)',
        metric: 'longestTaskMs',
        ours: { ...ours, afterTail },
        baseline: { ...baseline },
        ratio: ratio(ours.longestTaskMs, baseline.longestTaskMs),
        ratios: {
          deliveredLinesPerSecond: ratio(ours.deliveredLinesPerSecond, baseline.deliveredLinesPerSecond),
          longestTaskCpuMs: ratio(ours.longestTaskCpuMs, baseline.longestTaskCpuMs),
          mainThreadCpuMsPerSecond: ratio(ours.mainThreadCpuMsPerSecond, baseline.mainThreadCpuMsPerSecond),
        },
        runs: 1,
        method: `A producer in the bench answers the Logs tab's follow (pods/log?follow=true, via a loopback front for kube-sim) with ${SECONDS} s of numbered lines at 10,000/s (ours) or 500/s (baseline, the sim's rate), and once more at 10,000/s after a ${TAIL_BURST}-line burst (ours.afterTail: a long tail replayed at once), through client-node, the engine's follow, the web host and the renderer into xterm. received = lines xterm has parsed (counted in its write callbacks, data-written-lines) once it has caught up after the stream ended, delivered/s = received over the time from Follow to xterm's last parsed write; long tasks (wall time) from PerformanceObserver over that whole time, and each task's main-thread CPU time from a Chrome trace (category toplevel) of the same span, which tells the page's own work from waiting for a core on a loaded machine. Target: lost 0, last line shown, no long task over 50 ms.`,
        env: benchEnv(),
      };
    } finally {
      await proxy.close();
      await s.close();
    }
  },
};
