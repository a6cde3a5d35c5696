// Issue 7 acceptance (resume from the CLI): a store a killed process left Provisioning is picked
// up by `storedeck retry <store> --wait` once no live worker holds the data dir's lease; the step
// the dead pass left open is closed in the timeline as interrupted before the work goes on.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../preload/contract';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { INTERRUPTED_MESSAGE, openSteps } from '../../main/engine/interrupted-steps';
import { WorkerLease } from '../../main/state/worker-lease';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import type { StoreEvent } from '../kube-sim/types';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'engine-child.ts');
// A setup job long enough to kill the engine in.
const fast = loadProfile('fast');
const profile = { ...fast, name: 'resume', timings: { ...fast.timings, jobRunMs: { '*': 2500 } } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sim: { profile, seed: 21 } });
  await h.engine.stop(); // the child is "the app"; this process only looks
});
afterAll(async () => {
  await h?.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--kubeconfig', h.kubeconfigPath, '--data-dir', h.dir, ...argv], {
    io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    createApp,
  });
  return { code, out, err };
}

/** Starts the engine child creating a store; resolves with it once its setup step has started. */
function createInChild(name: string): Promise<{ child: ChildProcess; id: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, h.dir, h.kubeconfigPath, CONTEXT, 'create', name],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`engine child exited early (${code ?? signal})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      const line = JSON.parse(text) as { event?: string; payload?: TimelineEvent };
      if (
        line.event === 'timelineEvent' &&
        line.payload?.step === 'setup' &&
        line.payload.status === 'started'
      )
        resolve({ child, id: line.payload.storeId });
    });
  });
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function jobCreated(namespace: string): Promise<void> {
  return new Promise((resolve) => {
    if (h.sim.store.get('jobs.batch', namespace, 'woocommerce-setup')) return resolve();
    const off = h.sim.store.subscribe((e: StoreEvent) => {
      if (e.key === 'jobs.batch' && e.object.metadata.namespace === namespace) {
        off();
        resolve();
      }
    });
  });
}

describe('storedeck retry --wait after a crash', () => {
  it('resumes the store the dead worker left, closing its open step as interrupted', async () => {
    const { child, id } = await createInChild('Resume Shop');
    await jobCreated('store-resume-shop');
    const pid = child.pid as number;
    await kill9(child);
    expect(h.state.stores.get(id)?.status).toBe('Provisioning');
    expect(openSteps(h.state.events.list(id))).toEqual(['setup']);

    // The killed app's lease, as it left it: a fresh heartbeat, a pid that no longer runs.
    expect(new WorkerLease(h.state.db, { mode: 'desktop', pid }).tryAcquire()).toBe(true);
    // Without --wait the CLI is no worker: it says where the work will happen instead.
    const refused = await cli('retry', 'resume-shop');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/is Provisioning and its work is not running in this process/);
    expect(refused.err).toContain('storedeck retry resume-shop --wait');
    expect(h.state.events.list(id).filter((e) => e.status === 'interrupted')).toEqual([]);

    // --wait: the lease's holder is gone from this machine, so the CLI takes it and resumes.
    const resumed = await cli('retry', 'resume-shop', '--wait');
    expect(resumed.err).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/Store "Resume Shop" is Ready/);
    expect(h.state.stores.get(id)?.status).toBe('Ready');

    const events = h.state.events.list(id);
    const interrupted = events.filter((e) => e.status === 'interrupted');
    expect(interrupted.map((e) => [e.step, e.message])).toEqual([['setup', INTERRUPTED_MESSAGE]]);
    // Closed before the resumed pass started its own setup step, and nothing is left open.
    const setupStarts = events.filter((e) => e.step === 'setup' && e.status === 'started');
    expect(setupStarts.length).toBeGreaterThanOrEqual(1);
    expect(interrupted[0]!.id).toBeLessThan(setupStarts.at(-1)!.id);
    expect(openSteps(events)).toEqual([]);
    expect(h.state.audit.list(20).map((a) => a.action)).toContain('resume');
  }, 90_000);
});
