// Waiting for namespaces to be gone with ONE watch per client, shared by every wait in progress.
// A delete burst used to open one watch per namespace: ten deletes held ten long-lived
// connections, and the ownership GETs and DELETEs behind them waited for new TLS handshakes on a
// busy event loop. One cluster-wide watch of Namespaces (list, then watch; relists, 401/403 as
// every watch set) serves them all; it starts with the first waiter and stops with the last.
import type { KubeClient } from './client';
import { KINDS } from './kinds';
import { WaitTimeoutError, type WaitOptions } from './watch-wait';
import { startWatchSet, type WatchSet } from './watch-set';

interface Waiter {
  name: string;
  /** The watch has listed this namespace at least once since the wait began. */
  sighted: boolean;
  /** A confirming GET is in flight (at most one per waiter). */
  confirming: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

interface SharedWatch {
  set: WatchSet | null;
  /** Names present after the last list or event; null until the first list arrived. */
  present: Set<string> | null;
  /** Counts lists and events, so a GET answered meanwhile knows the watch moved on. */
  version: number;
  waiters: Set<Waiter>;
}

const watches = new WeakMap<KubeClient, SharedWatch>();

/** How many waits the client's shared namespace watch serves (0: no watch open). */
export function namespaceWaiters(client: KubeClient): number {
  return watches.get(client)?.waiters.size ?? 0;
}

function leave(client: KubeClient, shared: SharedWatch, waiter: Waiter): void {
  shared.waiters.delete(waiter);
  if (shared.waiters.size > 0) return;
  shared.set?.stop();
  if (watches.get(client) === shared) watches.delete(client);
}

/**
 * Absent from the watch means gone only if the watch had seen the namespace. A wait that joins a
 * watch which has not caught up with a namespace created a moment ago would otherwise resolve at
 * once while the namespace still terminates; for such a waiter one GET decides (404: gone).
 */
function check(client: KubeClient, shared: SharedWatch, waiter: Waiter): void {
  if (!shared.present) return;
  if (shared.present.has(waiter.name)) {
    waiter.sighted = true;
    return;
  }
  if (waiter.sighted) return waiter.resolve();
  if (waiter.confirming) return;
  waiter.confirming = true;
  const asked = shared.version;
  // Found, or the GET failed: the watch decides, and if it moved while the GET was out (say it
  // relisted after the namespace went) this waiter is looked at again now, not at the next event.
  const settle = (gone: boolean) => {
    waiter.confirming = false;
    if (!shared.waiters.has(waiter)) return; // timed out or aborted meanwhile
    if (gone) waiter.resolve();
    else if (shared.version !== asked) check(client, shared, waiter);
  };
  client.get(KINDS.Namespace, undefined, waiter.name).then(
    (found) => settle(!found),
    () => settle(false),
  );
}

function startShared(client: KubeClient): SharedWatch {
  const shared: SharedWatch = { set: null, present: null, version: 0, waiters: new Set() };
  watches.set(client, shared);
  shared.set = startWatchSet(
    client,
    KINDS.Namespace,
    {},
    {
      onChange: (items) => {
        shared.present = new Set(items.map((ns) => ns.metadata?.name ?? ''));
        shared.version += 1;
        for (const waiter of [...shared.waiters]) check(client, shared, waiter);
      },
      // No relist fixes it (403, or reconnects exhausted): every wait fails with the reason, and
      // the next wait opens a fresh watch rather than joining a dead one.
      onFatal: (error) => {
        if (watches.get(client) === shared) watches.delete(client);
        for (const waiter of [...shared.waiters]) waiter.reject(error);
      },
    },
  );
  return shared;
}

/**
 * Resolves once namespace `name` is absent from the shared watch's list or a DELETED event
 * removed it (not merely Terminating). Each wait has its own timeout and abort signal.
 */
export function waitForNamespaceGoneShared(
  client: KubeClient,
  name: string,
  options: WaitOptions,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason ?? new Error('wait aborted'));
    const shared = watches.get(client) ?? startShared(client);
    const onAbort = () => waiter.reject(options.signal?.reason ?? new Error('wait aborted'));
    const settle = (outcome: () => void) => {
      if (!shared.waiters.has(waiter)) return;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      leave(client, shared, waiter);
      outcome();
    };
    const waiter: Waiter = {
      name,
      sighted: false,
      confirming: false,
      resolve: () => settle(resolve),
      reject: (error) => settle(() => reject(error)),
    };
    shared.waiters.add(waiter);
    const timer = setTimeout(
      () =>
        waiter.reject(
          new WaitTimeoutError(options.what ?? `namespace ${name} to be deleted`, options.timeoutMs),
        ),
      Math.max(0, options.timeoutMs),
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // Joining a watch that already listed: the answer may be known now (or after one GET).
    check(client, shared, waiter);
  });
}
