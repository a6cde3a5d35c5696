import { Watch, type KubeConfig } from '@kubernetes/client-node';

/** The shape the tests read from watched objects (client-node hands them over untyped). */
export interface WatchedObject {
  metadata?: {
    name?: string;
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  status?: any;
}

export interface WatchEvent {
  type: string;
  object: WatchedObject;
  /** Real ms (Date.now()) when client-node delivered it. */
  at: number;
}

export interface WatchLog {
  /** Every event so far, in arrival order. */
  readonly seen: WatchEvent[];
  /**
   * The first event (already seen or still to come) for which `test` holds. Rejects when
   * `timeoutMs` (real) pass first, when the stream ends, or on an ERROR event.
   */
  until(test: (e: WatchEvent) => boolean, timeoutMs?: number): Promise<WatchEvent>;
  stop(): void;
}

interface Waiter {
  test(e: WatchEvent): boolean;
  resolve(e: WatchEvent): void;
  reject(err: Error): void;
}

const describeEvent = (e: WatchEvent): string =>
  `${e.type} ${e.object.metadata?.name ?? '?'} ${JSON.stringify(e.object.status ?? {}).slice(0, 300)}`;

/**
 * Opens a client-node Watch on `path` (no resourceVersion: current state arrives first as
 * ADDED, then live changes) and records every event, so tests await state changes, not poll.
 */
export async function openWatch(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
): Promise<WatchLog> {
  const seen: WatchEvent[] = [];
  const waiters = new Set<Waiter>();
  let ended: Error | undefined;
  const fail = (err: Error): void => {
    ended ??= err;
    for (const w of waiters) w.reject(err);
    waiters.clear();
  };
  const controller = await new Watch(kc).watch(
    path,
    query,
    (type, object: WatchedObject) => {
      const event: WatchEvent = { type, object, at: Date.now() };
      seen.push(event);
      if (type === 'ERROR') return fail(new Error(`watch ${path}: ERROR ${JSON.stringify(object)}`));
      for (const w of [...waiters])
        if (w.test(event)) {
          waiters.delete(w);
          w.resolve(event);
        }
    },
    (err: unknown) => fail(new Error(`watch ${path} ended: ${String(err)}`)),
  );
  let stopped = false;
  return {
    seen,
    until(test, timeoutMs = 5000) {
      const hit = seen.find(test);
      if (hit) return Promise.resolve(hit);
      if (ended) return Promise.reject(ended);
      return new Promise<WatchEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const last = seen.slice(-3).map(describeEvent).join('\n  ');
          reject(new Error(`watch ${path}: not met within ${timeoutMs} ms; last events:\n  ${last}`));
        }, timeoutMs);
        const waiter: Waiter = {
          test,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
          reject: (err) => {
            clearTimeout(timer);
            reject(err);
          },
        };
        waiters.add(waiter);
      });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      fail(new Error(`watch ${path} stopped`));
      controller.abort();
    },
  };
}

/** A condition of a watched object by type. */
export const conditionOf = (
  o: WatchedObject | undefined,
  type: string,
): { type: string; status: string; reason?: string; message?: string } | undefined =>
  (
    (o?.status?.conditions ?? []) as Array<{
      type: string;
      status: string;
      reason?: string;
      message?: string;
    }>
  ).find((c) => c.type === type);
