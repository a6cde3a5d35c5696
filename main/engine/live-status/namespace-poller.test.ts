// The poller's promises, on a fake clock: a new namespace is listed at once, the sweep never
// exceeds its rate whatever the number of namespaces and still reaches every namespace within
// sweepPeriodMs(), implied kinds are swept only now and then, hints do not pile up, and a failed
// list concludes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiObject } from '../../kube/kube-object';
import type { WatchedKind } from './judge-live';
import { NamespacePoller, type NamespacePollerOptions } from './namespace-poller';

let poller: NamespacePoller | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  poller?.stop();
  vi.useRealTimers();
});

function start(options: Partial<NamespacePollerOptions> = {}) {
  const calls: string[] = [];
  const listed: string[] = [];
  poller = new NamespacePoller({
    kinds: ['Service', 'Ingress'],
    list: (kind, namespace) => {
      calls.push(`${namespace}/${kind}`);
      return Promise.resolve([] as ApiObject[]);
    },
    onListed: (kind, namespace) => listed.push(`${namespace}/${kind}`),
    ...options,
  });
  return { poller, calls, listed };
}

const namespaces = (n: number) => Array.from({ length: n }, (_, i) => `store-${i}`);

describe('NamespacePoller', () => {
  it('lists every kind of a new namespace at once, without waiting for the rate', async () => {
    const { poller, listed } = start({ maxListsPerSecond: 1 });
    poller.setNamespaces(namespaces(20));
    await vi.advanceTimersByTimeAsync(0);
    expect(listed).toHaveLength(40);
  });

  it('sweeps at the capped rate, and reaches every namespace within the stated period', async () => {
    const { poller, calls } = start({ maxListsPerSecond: 4, sweepMs: 1_000 });
    poller.setNamespaces(namespaces(50));
    await vi.advanceTimersByTimeAsync(0);
    const first = calls.length;
    // Due 1 s after its last sweep, then at most a turn: 50 namespaces × 2 kinds at 4 per second.
    expect(poller.sweepPeriodMs()).toBe(26_000);
    await vi.advanceTimersByTimeAsync(60_000);
    const swept = calls.slice(first);
    expect(swept.length).toBeLessThanOrEqual(4 * 60);
    await vi.advanceTimersByTimeAsync(poller.sweepPeriodMs());
    const all = calls.slice(first);
    for (const namespace of namespaces(50)) expect(all).toContain(`${namespace}/Service`);
  });

  it('does not sweep a namespace before sweepMs when there are few', async () => {
    const { poller, calls } = start({ maxListsPerSecond: 10, sweepMs: 30_000 });
    poller.setNamespaces(['store-a']);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toEqual(['store-a/Service', 'store-a/Ingress']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(4);
  });

  it('sweeps an implied kind only every fourth sweep, but lists it on a hint', async () => {
    const kinds: WatchedKind[] = ['Deployment', 'Service'];
    const { poller, calls } = start({
      kinds,
      impliedByOthers: ['Deployment'],
      sweepMs: 1_000,
      maxListsPerSecond: 10,
    });
    poller.setNamespaces(['store-a']);
    await vi.advanceTimersByTimeAsync(8_500);
    const deployments = calls.filter((c) => c.endsWith('/Deployment')).length;
    const services = calls.filter((c) => c.endsWith('/Service')).length;
    expect(services).toBeGreaterThanOrEqual(8);
    expect(deployments).toBeLessThanOrEqual(1 + Math.ceil((services - 1) / 4));
    const before = calls.length;
    poller.checkSoon('store-a', ['Deployment']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.slice(before)).toEqual(['store-a/Deployment']);
  });

  it('answers hints that arrive while a list is pending with that one list', async () => {
    let release: () => void = () => undefined;
    const calls: string[] = [];
    const { poller } = start({
      list: (kind, namespace) => {
        calls.push(`${namespace}/${kind}`);
        return new Promise((resolve) => (release = () => resolve([])));
      },
      kinds: ['Service'],
    });
    poller.setNamespaces(['store-a']);
    for (let i = 0; i < 5; i++) poller.checkSoon('store-a');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['store-a/Service']);
  });

  it('concludes nothing from a failed list, and forgets namespaces that are gone', async () => {
    const calls: string[] = [];
    const { poller, listed } = start({
      list: (kind, namespace) => {
        calls.push(`${namespace}/${kind}`);
        return Promise.reject(new Error('offline'));
      },
    });
    poller.setNamespaces(['store-a', 'store-b']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(4);
    expect(listed).toEqual([]);
    poller.setNamespaces(['store-b']);
    poller.checkSoon('store-a');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(4);
  });
});
