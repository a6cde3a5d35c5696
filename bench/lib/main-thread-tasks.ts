// The page's main-thread tasks from a Chrome trace (CDP Tracing, category `toplevel` only: cheap): for each
// task its wall time AND the CPU time the thread itself spent in it. A long task from
// PerformanceObserver is wall time only, so on a loaded machine (7 people on 2 cores) a task that
// ran 5 ms can show as 80 ms because the renderer was not scheduled; the CPU time tells the
// page's own work apart from that wait.
import type { CDPSession, Page } from 'playwright-core';

export interface MainThreadTask {
  /** ms after tracing started. */
  at: number;
  wallMs: number;
  cpuMs: number;
}

export interface TaskTrace {
  stop(): Promise<MainThreadTask[]>;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = [];
  // A trace of a few seconds is a few MB: bounded by its own end-of-file flag.
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return parts.join('');
}

/** The page's renderer main thread: of the CrRendererMain threads, the one that ran the most tasks
 * (the page under test; the others are idle spare renderers). */
function mainThreadTasks(events: TraceEvent[]): MainThreadTask[] {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ph !== 'X' || !mains.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const tasks = [...byThread.values()].sort((a, b) => b.length - a.length)[0];
  if (!tasks) throw new Error('the trace has no renderer main-thread tasks');
  const origin = Math.min(...tasks.map((e) => e.ts));
  return tasks.map((e) => ({
    at: Math.round((e.ts - origin) / 1000),
    wallMs: (e.dur ?? 0) / 1000,
    cpuMs: (e.tdur ?? 0) / 1000,
  }));
}

export async function startTaskTrace(page: Page): Promise<TaskTrace> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel'] },
  });
  return {
    async stop() {
      const complete = new Promise<string>((resolve) =>
        cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
      );
      await cdp.send('Tracing.end');
      const handle = await complete;
      const text = await readStream(cdp, handle);
      await cdp.detach();
      const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return mainThreadTasks(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
    },
  };
}
