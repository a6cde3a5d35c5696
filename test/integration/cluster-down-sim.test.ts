// A cluster that does not answer is waited out, visibly, and never fails a store: `create --wait`
// and `retry --wait` against a stopped simulator say so on stderr and keep waiting; once a new
// cluster answers at the same address (a new CA: the kubeconfig file is rewritten, as kind does),
// they carry on to Ready. The real CLI (runCli + createApp) against the real client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, TimelineEvent } from '../../preload/contract';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { startKubeSim, type KubeSim } from '../kube-sim/index';

const TOKEN = 'cluster-down-test-token';
let sim: KubeSim;
let port: number;
let dir: string;
let kubeconfig: string;

/** Runs the CLI; `has` resolves once stdout or stderr contains the text (event-driven, no polling). */
function cli(...argv: string[]) {
  const text = { out: '', err: '' };
  const waiters: Array<{ stream: 'out' | 'err'; text: string; resolve: () => void }> = [];
  const write = (stream: 'out' | 'err') => (t: string) => {
    text[stream] += t;
    for (const w of waiters) if (w.stream === stream && text[stream].includes(w.text)) w.resolve();
  };
  const done = runCli(['--kubeconfig', kubeconfig, '--data-dir', dir, ...argv], {
    io: { out: write('out'), err: write('err') },
    createApp: (options) => createApp({ ...options, timing: { probeIntervalMs: 300 } }),
  }).then((code) => ({ code, ...text }));
  const has = (stream: 'out' | 'err', wanted: string) =>
    new Promise<void>((resolve) =>
      text[stream].includes(wanted) ? resolve() : waiters.push({ stream, text: wanted, resolve }),
    );
  return { done, has };
}

async function json<T>(...argv: string[]): Promise<T> {
  const { code, out, err } = await cli('--json', ...argv).done;
  if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}: ${err}`);
  return JSON.parse(out) as T;
}

/** A new cluster at the same address with a new CA; the kubeconfig file is rewritten. */
async function recreateCluster(faults: Record<string, unknown> = {}): Promise<void> {
  sim = await startKubeSim({ profile: 'fast', seed: 72, port, token: TOKEN, faults });
  await sim.writeKubeconfig(kubeconfig);
}

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 71, token: TOKEN });
  port = Number(new URL(sim.url).port);
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-cluster-down-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfig);
});

afterAll(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a cluster that does not answer', () => {
  it('create --wait says so on stderr, keeps waiting, and reaches Ready once a cluster answers', async () => {
    await sim.stop();
    const run = cli('create', 'Offline Shop', '--email', 'owner@example.com', '--wait');
    await run.has('err', 'still waiting (Ctrl-C to stop)');
    // The pass itself notices too (after the client's own retries) and says it waits.
    await run.has('out', 'cluster started: Cluster kube-sim unreachable');
    await recreateCluster();
    const result = await run.done;
    expect(result.err).toMatch(
      /^Cluster kube-sim unreachable: nothing is listening at its address \(connection refused\) — still waiting \(Ctrl-C to stop\)$/m,
    );
    expect(result.err).toMatch(/^Cluster kube-sim answers again — waiting for "Offline Shop"$/m);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Store "Offline Shop" is Ready/);
    // The pass said it waited for the cluster, and never failed the store for it.
    const events = await json<TimelineEvent[]>('events', 'offline-shop');
    expect(events.filter((e) => e.step === 'cluster').map((e) => e.status)).toEqual(['started', 'completed']);
    expect(events.find((e) => e.step === 'cluster')?.message).toMatch(
      /^Cluster kube-sim unreachable: .* — waiting for it$/,
    );
    expect(events.some((e) => e.status === 'failed')).toBe(false);
  });

  it('retry --wait does the same for a Failed store', async () => {
    await sim.stop();
    await recreateCluster({ imagePullFailPattern: '^mysql' });
    const failed = await cli('create', 'Second Shop', '--email', 'owner@example.com', '--wait').done;
    expect(failed.code).toBe(1);
    await sim.stop();
    const run = cli('retry', 'second-shop', '--wait');
    await run.has('err', 'Cluster kube-sim unreachable:');
    await run.has('out', 'cluster started');
    await recreateCluster();
    const result = await run.done;
    expect(result.err).toMatch(/— still waiting \(Ctrl-C to stop\)$/m);
    expect(result.code).toBe(0);
    const stores = await json<Store[]>('list');
    expect(stores.find((s) => s.slug === 'second-shop')?.status).toBe('Ready');
  });
});
