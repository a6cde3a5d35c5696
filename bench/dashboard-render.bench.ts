// The dashboard at 500 stores against the same page at 10, in one run, in Chromium through the
// web host: API requests on load, first paint of the list (first card visible), and the longest
// task while scrolling the whole list (PerformanceObserver 'longtask'). Needs out/web built.
import { ms, ratio, benchEnv, type Benchmark, type BenchResult } from './lib/bench-result';
import { seedStores, seededName } from '../test/e2e/seed-stores';
import { startSimApp } from '../test/e2e/sim-app';

interface Side {
  apiRequests: number;
  firstCardMs: number;
  longestTaskWhileScrollingMs: number;
  longTasksOver50: number;
  renderedCards: number;
}

async function measure(count: number, seed: number): Promise<Side> {
  const s = await startSimApp(seed, { seed: (dir) => seedStores(dir, count) });
  try {
    let apiRequests = 0;
    s.page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiRequests++;
    });
    const started = Date.now();
    await s.page.reload();
    await s.ui.storeCard(seededName(count)).waitFor();
    const firstCardMs = Date.now() - started;
    // Observe long tasks, then scroll the whole list a screen per frame (bounded by its height).
    const scrolled = (await s.page.evaluate(`(async () => {
      const tasks = [];
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)))
        .observe({ type: 'longtask', buffered: false });
      const el = document.querySelector('.store-scroller');
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      for (let i = 0; i < 2000 && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i++) {
        el.scrollBy(0, el.clientHeight);
        await frame();
      }
      await frame();
      return { tasks, rendered: document.querySelectorAll('article[data-store-id]').length };
    })()`)) as { tasks: number[]; rendered: number };
    return {
      apiRequests,
      firstCardMs,
      longestTaskWhileScrollingMs: ms(Math.max(0, ...scrolled.tasks)),
      longTasksOver50: scrolled.tasks.filter((t) => t > 50).length,
      renderedCards: scrolled.rendered,
    };
  } finally {
    await s.close();
  }
}

export const dashboardRender: Benchmark = {
  name: 'dashboard-render',
  description: '500 stores vs 10 in Chromium: requests on load, first card, long tasks while scrolling',
  async run(): Promise<BenchResult> {
    const baseline = await measure(10, 51);
    const ours = await measure(500, 52);
    return {
      name: 'dashboard-render',
      unit: 'ms (wall clock, Chromium)',
      metric: 'firstCardMs',
      ours: { ...ours },
      baseline: { ...baseline },
      ratio: ratio(ours.firstCardMs, baseline.firstCardMs),
      ratios: { apiRequests: ratio(ours.apiRequests, baseline.apiRequests) },
      runs: 1,
      method:
        'The built web UI over the real app and kube-sim; the data dir seeded with 500 (ours) or 10 (baseline) stores. First card = reload until the newest card is visible. Long tasks recorded by PerformanceObserver while scrolling the list to its end one screen per frame. Target: ratio ≤ 1.5, apiRequests ≤ 3, no long task over 50 ms.',
      env: benchEnv(),
    };
  },
};
