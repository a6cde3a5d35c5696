import { afterEach, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { KINDS } from './kinds';
import { namespaceWaiters, waitForNamespaceGoneShared } from './namespace-gone-watcher';
import { WaitTimeoutError } from './watch-wait';

let sim: KubeSim | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(): Promise<KubeClient> {
  sim = await startKubeSim({ profile: 'fast', seed: 11 });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  return new KubeClient(kc, { baseDelayMs: 5 });
}

const namespaceLists = () =>
  (sim as KubeSim).requests().filter((r) => r.verb === 'list' && r.resource === 'namespaces').length;

describe('waitForNamespaceGoneShared (against kube-sim)', () => {
  it('serves two waits with one watch: one times out, the other resolves, the watch stops after the last', async () => {
    const client = await start();
    for (const name of ['going', 'staying'])
      await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    const gone = waitForNamespaceGoneShared(client, 'going', { timeoutMs: 10_000 });
    const stuck = waitForNamespaceGoneShared(client, 'staying', { timeoutMs: 300 });
    expect(namespaceWaiters(client)).toBe(2);
    await expect(stuck).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(namespaceWaiters(client)).toBe(1);
    await client.remove(KINDS.Namespace, undefined, 'going');
    await gone;
    expect(namespaceWaiters(client)).toBe(0);
    expect(namespaceLists()).toBe(1);
    // The next wait opens a new watch: the first one was stopped with its last waiter.
    await waitForNamespaceGoneShared(client, 'never-existed', { timeoutMs: 10_000 });
    expect(namespaceLists()).toBe(2);
    expect(namespaceWaiters(client)).toBe(0);
  });

  it('a wait joining a watch that already listed resolves at once for an absent name, and abort rejects', async () => {
    const client = await start();
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'held' } });
    const controller = new AbortController();
    const held = waitForNamespaceGoneShared(client, 'held', { timeoutMs: 10_000, signal: controller.signal });
    await waitForNamespaceGoneShared(client, 'absent', { timeoutMs: 10_000 });
    expect(namespaceLists()).toBe(1);
    controller.abort(new Error('cancelled'));
    await expect(held).rejects.toThrow('cancelled');
    expect(namespaceWaiters(client)).toBe(0);
  });

  it('a wait for a namespace the shared watch has not listed yet does not resolve while it exists', async () => {
    const client = await start();
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'held' } });
    const held = waitForNamespaceGoneShared(client, 'held', { timeoutMs: 20_000 });
    await expect.poll(() => namespaceLists()).toBe(1);
    await new Promise((r) => setTimeout(r, 100)); // the watch is open and has listed
    // Created and waited on in the same tick: the watch's ADDED event is still on its way.
    const names = Array.from({ length: 8 }, (_, i) => `late-${i}`);
    const settled = new Set<string>();
    const waits = [];
    for (const name of names) {
      await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      const wait = waitForNamespaceGoneShared(client, name, { timeoutMs: 20_000 });
      void wait.then(() => settled.add(name));
      waits.push(wait);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect([...settled]).toEqual([]);
    for (const name of [...names, 'held']) await client.remove(KINDS.Namespace, undefined, name);
    await Promise.all([...waits, held]);
    expect(namespaceWaiters(client)).toBe(0);
  });
});
