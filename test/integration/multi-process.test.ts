// One worker per data dir, across processes, against kube-sim: process A is a child running
// createApp as the desktop app does; process B is this test process running createApp as the CLI
// does. Only the lease holder runs passes; the other follows through the change feed, and takes
// over when the holder dies or stops answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Store, TimelineEvent } from '../../preload/contract';
import { createApp, type AppCore } from '../../main/api/create-app';
import { dispatch } from '../../main/api/dispatch';
import type { EventBus } from '../../main/primitives/event-bus';
import { runCli } from '../../main/cli/run-cli';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { spawnApp, type AppProcess, type ChildLine } from './fixtures/app-process';
import { startHarness, type Harness } from './fixtures/engine-harness';

// A setup Job long enough to stop a process in the middle of it.
const fast = loadProfile('fast');
const profile = { ...fast, name: 'multi', timings: { ...fast.timings, jobRunMs: { '*': 2000 } } };
const HEARTBEAT_MS = 250;
const STALE_MS = 1_500;
const timing = { heartbeatMs: HEARTBEAT_MS, staleMs: STALE_MS, feedIntervalMs: 100 };

let h: Harness;
const children: AppProcess[] = [];
const cores: AppCore[] = [];

beforeAll(async () => {
  h = await startHarness({ sim: { profile, seed: 21 } });
  // The harness's own engine stays out of it: A and B are the only Storedeck processes.
  await h.engine.stop();
});
afterAll(async () => {
  for (const child of children) await child.kill9();
  for (const core of cores) await core.close();
  await h?.close();
});

function startA(command?: string[]): AppProcess {
  const child = spawnApp({
    dataDir: h.dir,
    kubeconfigPath: h.kubeconfigPath,
    heartbeatMs: HEARTBEAT_MS,
    staleMs: STALE_MS,
    ...(command ? { command } : {}),
  });
  children.push(child);
  return child;
}

async function startB(worker: 'auto' | 'never'): Promise<AppCore> {
  const core = await createApp({
    dataDir: h.dir,
    kubeconfigPath: h.kubeconfigPath,
    mode: 'cli',
    worker,
    timing,
  });
  cores.push(core);
  return core;
}

/** Everything a bus carries from now on, and a bounded wait for one of it. */
function record(bus: EventBus) {
  const seen: Array<{ name: EventName; payload: unknown }> = [];
  const wakes = new Set<() => void>();
  bus.subscribe((name, payload) => {
    seen.push({ name, payload });
    for (const wake of wakes) wake();
  });
  const waitFor = (match: (name: EventName, payload: unknown) => boolean, what: string, ms = 20_000) =>
    new Promise<unknown>((resolve, reject) => {
      const check = () => {
        const found = seen.find((e) => match(e.name, e.payload));
        if (!found) return;
        clearTimeout(timer);
        wakes.delete(check);
        resolve(found.payload);
      };
      const timer = setTimeout(() => {
        wakes.delete(check);
        reject(new Error(`no ${what} within ${ms} ms`));
      }, ms);
      wakes.add(check);
      check();
    });
  const statusOf = (id: string, status: string) =>
    waitFor(
      (name, p) => name === 'storeChanged' && (p as Store).id === id && (p as Store).status === status,
      `${status} of ${id}`,
    ) as Promise<Store>;
  const timeline = (id: string) =>
    seen
      .filter((e) => e.name === 'timelineEvent' && (e.payload as TimelineEvent).storeId === id)
      .map((e) => (e.payload as TimelineEvent).id);
  const statuses = (id: string) =>
    seen
      .filter((e) => e.name === 'storeChanged' && (e.payload as Store).id === id)
      .map((e) => e.payload as Store);
  return { seen, waitFor, statusOf, timeline, statuses };
}

const isEvent = (id: string, event: string, status?: string) => (line: ChildLine) =>
  line.event === event &&
  (line.payload?.id === id || line.payload?.storeId === id) &&
  (status === undefined || line.payload?.status === status);

const setupStarted = (id: string) => (line: ChildLine) =>
  isEvent(id, 'timelineEvent', 'started')(line) && line.payload?.step === 'setup';

async function createdBy(child: AppProcess): Promise<string> {
  const line = await child.waitFor((l) => l.result !== undefined, 'the create result');
  if (!line.result?.ok || !line.result.value)
    throw new Error(`create failed: ${JSON.stringify(line.result)}`);
  return line.result.value.id;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--kubeconfig', h.kubeconfigPath, '--data-dir', h.dir, ...argv], {
    io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    createApp: (options) => createApp({ ...options, timing }),
  });
  return { code, out, err };
}

describe('one worker per data dir', () => {
  let a: AppProcess;
  let b: AppCore;

  it('the open app provisions what a non-waiting process created; that process sees Ready and the timeline once', async () => {
    a = startA();
    await a.waitFor((l) => l.working === true, 'A holds the lease');
    b = await startB('never');
    const onB = record(b.bus);
    expect(b.worker.status()).toMatchObject({
      working: false,
      holder: { pid: a.pid, mode: 'desktop', live: true },
    });

    const created = await dispatch(b.handlers, 'createStore', {
      name: 'Shared Shop',
      adminEmail: 'owner@example.com',
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as Store).id;
    await onB.statusOf(id, 'Ready');
    // The last row of a pass ("ready") is written just after the status.
    await onB.waitFor(
      (name, p) =>
        name === 'timelineEvent' &&
        (p as TimelineEvent).storeId === id &&
        (p as TimelineEvent).step === 'ready',
      'the ready step on B',
    );

    // A learnt of B's store through its feed and did the work; B ran no pass.
    await a.waitFor(isEvent(id, 'storeChanged', 'Ready'), 'Ready on A');
    expect(a.lines.find(isEvent(id, 'storeChanged'))?.payload?.status).toBe('Queued');
    expect(a.lines.some(setupStarted(id))).toBe(true);
    expect(b.engine.working).toBe(false);
    // B saw every timeline row, once, in order; and each store change once.
    expect(onB.timeline(id)).toEqual(h.state.events.list(id).map((e) => e.id));
    expect(onB.timeline(id).length).toBeGreaterThan(5);
    const changes = onB.statuses(id);
    expect(new Set(changes.map((s) => JSON.stringify(s))).size).toBe(changes.length);
    expect(changes.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'Queued',
      'Provisioning',
      'Ready',
    ]);
  }, 30_000);

  it('the CLI says the running app will do the work, and --wait follows it there', async () => {
    const onB = record(b.bus);
    const queued = await cli('create', 'Note Shop', '--email', 'owner@example.com');
    expect(queued.code).toBe(0);
    expect(queued.out).toContain(`It will be provisioned by the Storedeck app (pid ${a.pid})`);

    const waited = await cli('create', 'Wait Shop', '--email', 'owner@example.com', '--wait');
    expect(waited.err).toBe('');
    expect(waited.code).toBe(0);
    expect(waited.out).toContain(`the Storedeck app (pid ${a.pid}) does the work; following it here`);
    expect(waited.out).toMatch(/✓ setup completed/);
    expect(waited.out).toMatch(/Store "Wait Shop" is Ready/);

    const note = h.state.stores.getBySlug('kube-sim', 'note-shop');
    await onB.statusOf(note?.id ?? '', 'Ready');
    // A delete asked here runs there too, and this side sees the store go.
    const deleted = await cli('delete', 'note-shop', '--wait');
    expect(deleted.err).toBe('');
    expect(deleted.out).toMatch(/Store "Note Shop" deleted\./);
    expect(h.sim.store.get('namespaces', undefined, 'store-note-shop')).toBeUndefined();
    await a.waitFor(isEvent(note?.id ?? '', 'storeRemoved'), 'the removal on A');
    await a.stop();
    // A released the lease on close.
    expect(b.worker.status().holder).toBeNull();
  }, 30_000);

  it('a waiting process takes over from an app killed mid-provision and finishes the store', async () => {
    a = startA(['create', 'Crash Shop']);
    await a.waitFor((l) => l.working === true, 'A holds the lease');
    const id = await createdBy(a);
    const waiting = await startB('auto');
    expect(waiting.worker.status().working).toBe(false);
    const onWaiting = record(waiting.bus);
    const tookOver = new Promise<void>((resolve) =>
      waiting.worker.onChange((working) => working && resolve()),
    );

    await a.waitFor(setupStarted(id), 'setup started on A');
    await a.kill9();
    expect(h.state.stores.get(id)?.status).toBe('Provisioning');
    await tookOver;
    await onWaiting.statusOf(id, 'Ready');
    expect(h.state.stores.get(id)?.status).toBe('Ready');
    expect(waiting.worker.status()).toMatchObject({
      working: true,
      holder: { pid: process.pid, mode: 'cli' },
    });
    await waiting.close();
  }, 30_000);

  it('a holder that stops answering loses the lease after the staleness bound, and stops working when it wakes', async () => {
    a = startA(['create', 'Frozen Shop']);
    const id = await createdBy(a);
    await a.waitFor((l) => l.working === true, 'A holds the lease');
    const waiting = await startB('auto');
    const onWaiting = record(waiting.bus);
    let tookOverAt = 0;
    const tookOver = new Promise<void>((resolve) =>
      waiting.worker.onChange((working) => {
        if (!working) return;
        tookOverAt = Date.now();
        resolve();
      }),
    );

    await a.waitFor(setupStarted(id), 'setup started on A');
    a.child.kill('SIGSTOP');
    const lastHeartbeat = waiting.worker.status().holder?.heartbeatAt ?? '';
    expect(waiting.worker.status().holder).toMatchObject({ pid: a.pid, live: true });
    await tookOver;
    // Not a moment before A's last heartbeat (frozen in the row) went stale.
    expect(tookOverAt - Date.parse(lastHeartbeat)).toBeGreaterThanOrEqual(STALE_MS);
    await onWaiting.statusOf(id, 'Ready');

    a.child.kill('SIGCONT');
    await a.waitFor((l) => l.working === false, 'A noticing it lost the lease');
    await a.stop();
    // A's close released nothing that was not its own.
    expect(waiting.worker.status()).toMatchObject({
      working: true,
      holder: { pid: process.pid, live: true },
    });
    expect(h.state.stores.get(id)?.status).toBe('Ready');
  }, 30_000);
});
