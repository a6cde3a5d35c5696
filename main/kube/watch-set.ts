// A live, local copy of the objects matching one kind + scope: list to get a resourceVersion,
// watch from it, and on any cut or error list again and watch again (410 Gone included), so
// nothing that happened during a gap is missed. Notifies on every change; never polls.
import { classifyError, isAccessDenied } from './errors';
import { abortableDelay, backoffDelay } from './retry';
import type { KubeClient } from './client';
import type { ApiObject } from './kube-object';
import type { KindRef } from './kinds';

export interface WatchScope {
  namespace?: string;
  /** One object by name (a fieldSelector on metadata.name, also filtered here). */
  name?: string;
  labelSelector?: string;
}

export interface WatchSetOptions {
  /** Called after the initial list and after every change, with all current objects. */
  onChange: (items: ApiObject[]) => void;
  /** Called when re-listing fails permanently (e.g. 403): the set stops. */
  onFatal: (error: unknown) => void;
  signal?: AbortSignal;
  /** Upper bound on reconnects for one set (its owner's timeout bounds it in time). */
  maxReconnects?: number;
  /**
   * Get the initial state from the watch itself (a streaming list: sendInitialEvents, Kubernetes
   * 1.27+, on by default since 1.32): one request instead of a list and a watch. A server that
   * refuses it (or ignores it) makes this client list first from then on, as client-go does.
   */
  streamingList?: boolean;
}

export interface WatchSet {
  items(): ApiObject[];
  /** Objects deleted while watched (newest last, a few), as the DELETED event showed them. */
  departed(): ApiObject[];
  stop(): void;
  /** How many times the set had to list again (cuts, errors, 410s). */
  readonly relists: number;
}

/**
 * A 401/403 is about the credentials or their rights: no relist fixes it, so the set stops with
 * what was refused and what to do (client-node's watch error carries only the status).
 */
export function accessDeniedError(verb: string, kind: KindRef, scope: WatchScope, error: unknown): Error {
  const info = classifyError(error);
  const where = scope.namespace ? `in namespace ${scope.namespace}` : 'cluster-wide';
  const what =
    info.status === 401
      ? 'The cluster no longer accepts these credentials'
      : `Not allowed to ${verb} ${kind.plural} ${where}`;
  // The apiserver's own Status text when there was one (a list); a watch error has none.
  const detail = / is forbidden: /.test(info.message) ? `: ${info.message}` : '';
  const fix =
    info.status === 401
      ? 'refresh the kubeconfig (an expired token or certificate)'
      : 'ask a cluster admin to install or upgrade charts/storedeck-access';
  return new Error(`${what} (HTTP ${info.status ?? '?'})${detail}; ${fix}`);
}

const keyOf = (obj: ApiObject): string => `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;

/** The annotation on the BOOKMARK that ends a streaming list's initial events. */
export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';
/** Clients whose server did not stream the initial state: they list first from then on. */
const noStreamingList = new WeakSet<object>();
/** Deleted objects remembered per set (enough for a store's Jobs). */
const MAX_DEPARTED = 16;

export function startWatchSet(
  client: KubeClient,
  kind: KindRef,
  scope: WatchScope,
  options: WatchSetOptions,
): WatchSet {
  const objects = new Map<string, ApiObject>();
  const gone = new Map<string, ApiObject>();
  const maxReconnects = options.maxReconnects ?? 10_000;
  const fieldSelector = scope.name ? `metadata.name=${scope.name}` : undefined;
  const matches = (obj: ApiObject) => !scope.name || obj.metadata?.name === scope.name;
  let stopped = false;
  let abortWatch: AbortController | null = null;
  let relists = 0;
  let failuresInARow = 0;
  const stopSignal = new AbortController();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    options.signal?.removeEventListener('abort', stop);
    stopSignal.abort(new Error('watch stopped'));
    abortWatch?.abort();
    abortWatch = null;
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();

  const remember = (obj: ApiObject) => {
    gone.delete(keyOf(obj));
    gone.set(keyOf(obj), obj);
    if (gone.size > MAX_DEPARTED) gone.delete(gone.keys().next().value as string);
  };
  const notify = () => {
    if (!stopped) options.onChange([...objects.values()]);
  };

  async function listThenWatch(): Promise<void> {
    for (let cycle = 0; !stopped && cycle <= maxReconnects; cycle++) {
      if (cycle > 0) relists++;
      if (options.streamingList && !noStreamingList.has(client)) {
        const ended = await watchFrom(null);
        if (stopped) return;
        if (typeof ended === 'object')
          return options.onFatal(accessDeniedError('watch', kind, scope, ended.denied));
        if (ended === 'unsupported') noStreamingList.add(client);
        else if (ended === 'error') await backoff();
        if (ended !== 'unsupported') continue;
      }
      let resourceVersion: string;
      try {
        const list = await client.list(
          kind,
          { namespace: scope.namespace, labelSelector: scope.labelSelector, fieldSelector },
          stopSignal.signal,
        );
        if (stopped) return;
        objects.clear();
        for (const item of list.items) if (matches(item)) objects.set(keyOf(item), item);
        resourceVersion = list.resourceVersion;
        failuresInARow = 0;
        notify();
      } catch (error) {
        if (stopped) return;
        if (isAccessDenied(error)) return options.onFatal(accessDeniedError('list', kind, scope, error));
        if (classifyError(error).kind === 'permanent') return options.onFatal(error);
        await backoff();
        continue;
      }
      const ended = await watchFrom(resourceVersion);
      if (stopped) return;
      if (typeof ended === 'object')
        return options.onFatal(accessDeniedError('watch', kind, scope, ended.denied));
      // A watch that failed outright (not a clean cut) backs off before listing again.
      if (ended === 'error') await backoff();
    }
    if (!stopped)
      options.onFatal(new Error(`watch on ${kind.plural} reconnected ${maxReconnects} times; giving up`));
  }

  async function backoff(): Promise<void> {
    failuresInARow++;
    try {
      await abortableDelay(backoffDelay(Math.min(failuresInARow, 6), null), stopSignal.signal);
    } catch {
      // stopped while backing off
    }
  }

  type Ended = 'cut' | 'error' | 'unsupported' | { denied: unknown };
  // Resolves when the stream ends: 'cut' for a server close or 410, denied for 401/403,
  // 'unsupported' when a streaming list (resourceVersion null) was refused or ignored, 'error'
  // otherwise. A streaming list gathers its initial events apart and shows them all at once.
  function watchFrom(resourceVersion: string | null): Promise<Ended> {
    return new Promise((resolve) => {
      let settled = false;
      let initial: Map<string, ApiObject> | null = resourceVersion === null ? new Map() : null;
      const abortStream = () => controllerPromise.then((c) => c?.abort()).catch(() => undefined);
      const onStop = () => finish('cut');
      const finish = (how: Ended) => {
        if (settled) return;
        settled = true;
        stopSignal.signal.removeEventListener('abort', onStop);
        resolve(how);
      };
      const onEvent = (phase: string, obj: ApiObject) => {
        if (stopped || settled) return;
        if (phase === 'ERROR') {
          // A Status inside the stream, typically 410 Expired: list again from scratch.
          abortStream();
          return finish('cut');
        }
        if (phase === 'BOOKMARK') {
          if (!initial) return;
          // A bookmark before the end marker: the server ignored sendInitialEvents (before 1.27).
          if (obj?.metadata?.annotations?.[INITIAL_EVENTS_END] !== 'true') {
            abortStream();
            return finish('unsupported');
          }
          objects.clear();
          for (const [key, value] of initial) objects.set(key, value);
          initial = null;
          failuresInARow = 0;
          return notify();
        }
        if (!obj?.metadata || !matches(obj)) return;
        const full = { apiVersion: kind.apiVersion, kind: kind.kind, ...obj };
        const target = initial ?? objects;
        if (phase === 'DELETED') {
          target.delete(keyOf(full));
          remember(full);
        } else target.set(keyOf(full), full);
        if (!initial) notify();
      };
      const onDone = (error: unknown) => {
        if (!error) return finish('cut');
        if (isAccessDenied(error)) return finish({ denied: error });
        const status = classifyError(error).status;
        if (initial && (status === 400 || status === 422)) return finish('unsupported');
        finish(status === 410 ? 'cut' : 'error');
      };
      // A streaming list asks for a consistent read (no resourceVersion) and its end marker.
      const query: Record<string, string | boolean> =
        resourceVersion === null
          ? { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true }
          : { resourceVersion, allowWatchBookmarks: true };
      if (scope.labelSelector) query.labelSelector = scope.labelSelector;
      if (fieldSelector) query.fieldSelector = fieldSelector;
      const controllerPromise = client.watcher
        .watch(client.pathOf(kind, scope.namespace), query, onEvent, onDone)
        .then((controller) => {
          if (stopped || settled) controller.abort();
          else abortWatch = controller;
          return controller;
        })
        .catch((error: unknown) => {
          onDone(error ?? new Error('watch failed to start'));
          return null;
        });
      stopSignal.signal.addEventListener('abort', onStop, { once: true });
    });
  }

  void listThenWatch().catch((error: unknown) => {
    if (!stopped) options.onFatal(error);
  });

  return {
    items: () => [...objects.values()],
    departed: () => [...gone.values()],
    stop,
    get relists() {
      return relists;
    },
  };
}
