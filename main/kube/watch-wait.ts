// Waits driven by watches: resolve the moment the cluster reaches a state, reject at a deadline
// or when an observer says waiting longer is pointless. Several kinds can be watched together
// (a Deployment's readiness and the pods/events that explain why it is not ready).
import type { KubeClient } from './client';
import type { ApiObject } from './kube-object';
import type { KindRef } from './kinds';
import { startWatchSet, type WatchScope, type WatchSet } from './watch-set';

export class WaitTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    this.name = 'WaitTimeoutError';
  }
}

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Names the awaited state in the timeout message ("deployment mysql to be available"). */
  what?: string;
}

export interface WatchSource {
  kind: KindRef;
  scope: WatchScope;
}

export type Snapshot<K extends string> = Record<K, ApiObject[]>;

/**
 * Watches every source and calls evaluate with all of them on each change (only once every
 * source has listed). Resolves with evaluate's first defined result; rejects with what it throws.
 */
export function watchUntil<K extends string, R>(
  client: KubeClient,
  sources: Record<K, WatchSource>,
  evaluate: (snapshot: Snapshot<K>) => R | undefined,
  options: WaitOptions,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const keys = Object.keys(sources) as K[];
    const sets = new Map<K, WatchSet>();
    const listed = new Set<K>();
    let done = false;

    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      for (const set of sets.values()) set.stop();
      outcome();
    };
    const onAbort = () => finish(() => reject(options.signal?.reason ?? new Error('wait aborted')));
    const timer = setTimeout(
      () => finish(() => reject(new WaitTimeoutError(options.what ?? 'the cluster', options.timeoutMs))),
      Math.max(0, options.timeoutMs),
    );
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const check = () => {
      if (done || listed.size < keys.length) return;
      const snapshot = {} as Snapshot<K>;
      for (const key of keys) snapshot[key] = sets.get(key)?.items() ?? [];
      try {
        const result = evaluate(snapshot);
        if (result !== undefined) finish(() => resolve(result));
      } catch (error) {
        finish(() => reject(error));
      }
    };

    for (const key of keys) {
      const source = sources[key];
      const set = startWatchSet(client, source.kind, source.scope, {
        onChange: () => {
          listed.add(key);
          check();
        },
        onFatal: (error) => finish(() => reject(error)),
      });
      sets.set(key, set);
      if (done) set.stop();
    }
  });
}

/** Resolves with the first object of kind/scope that satisfies the predicate. */
export function waitFor(
  client: KubeClient,
  kind: KindRef,
  namespace: string | undefined,
  target: string | { labelSelector: string },
  predicate: (obj: ApiObject) => boolean,
  options: WaitOptions & { onUpdate?: (items: ApiObject[]) => void },
): Promise<ApiObject> {
  const scope: WatchScope =
    typeof target === 'string'
      ? { namespace, name: target }
      : { namespace, labelSelector: target.labelSelector };
  return watchUntil(
    client,
    { target: { kind, scope } },
    ({ target: items }) => {
      options.onUpdate?.(items);
      return items.find(predicate);
    },
    {
      ...options,
      what: options.what ?? `${kind.kind} ${typeof target === 'string' ? target : target.labelSelector}`,
    },
  );
}

/** Resolves once the named object no longer exists (DELETED seen, or absent from a fresh list). */
export async function waitForGone(
  client: KubeClient,
  kind: KindRef,
  namespace: string | undefined,
  name: string,
  options: WaitOptions & { onUpdate?: (obj: ApiObject | undefined) => void },
): Promise<void> {
  await watchUntil(
    client,
    { target: { kind, scope: { namespace, name } } },
    ({ target: items }) => {
      options.onUpdate?.(items[0]);
      return items.length === 0 ? true : undefined;
    },
    { ...options, what: options.what ?? `${kind.kind} ${name} to be deleted` },
  );
}

/** A Namespace is gone only when the API no longer returns it (not merely Terminating). */
export function waitForNamespaceGone(
  client: KubeClient,
  name: string,
  options: WaitOptions & { onUpdate?: (obj: ApiObject | undefined) => void },
): Promise<void> {
  return waitForGone(
    client,
    { apiVersion: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
    undefined,
    name,
    {
      ...options,
      what: options.what ?? `namespace ${name} to be deleted`,
    },
  );
}
