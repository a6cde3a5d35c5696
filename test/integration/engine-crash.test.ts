// Issue 4 acceptance: kill -9 the engine's process while it provisions and while it deletes; a
// new engine on the same data dir resumes both, duplicating nothing and leaving no namespace.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import type { KubeObject, StoreEvent } from '../kube-sim/types';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'engine-child.ts');

// The fast profile, with a setup job and a namespace termination long enough to be killed in.
const fast = loadProfile('fast');
const profile = {
  ...fast,
  name: 'crash',
  timings: { ...fast.timings, jobRunMs: { '*': 2500 }, namespaceTerminationMs: 2500 },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sim: { profile, seed: 9 } });
  // This process's engine stays idle until the child is dead: the child is "the app".
  await h.engine.stop();
});
afterAll(async () => {
  await h?.close();
});

interface ChildLine {
  event?: string;
  payload?: { step?: string; status?: string; id?: string };
  result?: { ok: boolean; value?: Store };
}

/** Runs the engine child; resolves with it once `until` matches one of its output lines. */
function runChild(
  args: string[],
  until: (line: ChildLine) => boolean,
): Promise<{ child: ChildProcess; lines: ChildLine[] }> {
  // node with tsx's loader, not the tsx launcher: the launcher runs the script in a second
  // process, so a SIGKILL would reach only the launcher and the engine would live on.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, h.dir, h.kubeconfigPath, CONTEXT, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: ChildLine[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`engine child exited early (${code ?? signal})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      const line = JSON.parse(text) as ChildLine;
      lines.push(line);
      if (until(line)) resolve({ child, lines });
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

const storeNamespaces = () =>
  h.sim.store.list('namespaces').filter((ns) => ns.metadata.name.startsWith('store-'));
const KINDS = [
  'secrets',
  'configmaps',
  'resourcequotas',
  'limitranges',
  'persistentvolumeclaims',
  'deployments.apps',
  'services',
  'jobs.batch',
  'ingresses.networking.k8s.io',
  'networkpolicies.networking.k8s.io',
];
const objectsIn = (ns: string): KubeObject[] => KINDS.flatMap((key) => h.sim.store.list(key, ns));

let storeId = '';

describe('kill -9 and resume', () => {
  it('finishes a store whose engine was killed during setup, reusing every object and password', async () => {
    const { child, lines } = await runChild(
      ['create', 'Crash Shop'],
      (l) => l.event === 'timelineEvent' && l.payload?.step === 'setup' && l.payload.status === 'started',
    );
    const jobSeen = new Promise<void>((resolve) => {
      if (h.sim.store.get('jobs.batch', 'store-crash-shop', 'woocommerce-setup')) return resolve();
      const off = h.sim.store.subscribe((e: StoreEvent) => {
        if (e.key === 'jobs.batch' && e.object.metadata.namespace === 'store-crash-shop') {
          off();
          resolve();
        }
      });
    });
    await jobSeen;
    await kill9(child);
    storeId = lines.find((l) => l.result)?.result?.value?.id ?? '';
    expect(h.state.stores.get(storeId)?.status).toBe('Provisioning');

    const before = new Map(
      objectsIn('store-crash-shop').map((o) => [`${o.kind}/${o.metadata.name}`, o.metadata.uid]),
    );
    const secretsBefore = h.sim.store.list('secrets', 'store-crash-shop').map((s) => JSON.stringify(s.data));
    expect(before.get('Job/woocommerce-setup')).toBeDefined();

    const engine = h.restartEngine();
    const resumed = await engine.resume();
    expect(resumed.ok && resumed.value.resumed.map((s) => s.id)).toEqual([storeId]);
    await engine.settled(storeId);

    expect(h.state.stores.get(storeId)?.status).toBe('Ready');
    const after = objectsIn('store-crash-shop');
    expect(after).toHaveLength(15);
    for (const o of after)
      expect(o.metadata.uid, `${o.kind}/${o.metadata.name} was recreated`).toBe(
        before.get(`${o.kind}/${o.metadata.name}`),
      );
    expect(h.sim.store.list('secrets', 'store-crash-shop').map((s) => JSON.stringify(s.data))).toEqual(
      secretsBefore,
    );
    expect(storeNamespaces().map((ns) => ns.metadata.name)).toEqual(['store-crash-shop']);
    await engine.stop();
  }, 60_000);

  it('finishes a delete whose engine was killed while the namespace was terminating', async () => {
    const terminating = new Promise<void>((resolve) => {
      const off = h.sim.store.subscribe((e: StoreEvent) => {
        if (
          e.key === 'namespaces' &&
          e.object.metadata.name === 'store-crash-shop' &&
          e.object.metadata.deletionTimestamp
        ) {
          off();
          resolve();
        }
      });
    });
    const { child } = await runChild(['delete', storeId], (l) => l.result !== undefined);
    await terminating;
    await kill9(child);
    expect(h.state.stores.get(storeId)?.status).toBe('Deleting');
    expect(
      h.sim.store.get('namespaces', undefined, 'store-crash-shop')?.metadata.deletionTimestamp,
    ).toBeDefined();

    const engine = h.restartEngine();
    await engine.resume();
    await engine.settled(storeId);

    expect(h.state.stores.get(storeId)).toBeNull();
    expect(storeNamespaces()).toEqual([]);
    expect(
      h.state.audit
        .list(20)
        .filter((a) => a.name === 'Crash Shop')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['create', 'delete']);
  }, 60_000);
});
