import type { KubeObject, StoreEvent } from '../../types.js';
import { apiVersionOf } from '../../store/resource-types.js';
import type { HandlerContext } from '../context.js';
import { fieldSelector, labelSelector } from '../selectors.js';
import { statusBody, toStatusError } from '../status.js';
import { watchOptionsError } from '../watch-options.js';

export interface WatchOptions {
  /** Real ms between BOOKMARK events when allowWatchBookmarks=true. */
  bookmarkIntervalMs: number;
  /** Real seconds after which the fault config cuts the stream (read when the watch starts). */
  cutAfterSeconds?: number;
}

const slot = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * ?watch=true: newline-delimited {type, object} from the requested resourceVersion (synthetic ADDED
 * for current state when it is absent or "0"), ERROR with a 410 Status when it is too old.
 */
export function handleWatch(ctx: HandlerContext, opts: WatchOptions): Promise<void> {
  const { route, store, url, res, req } = ctx;
  ctx.log.verb = 'watch';
  const byLabel = labelSelector(url.searchParams.get('labelSelector'));
  const byField = fieldSelector(url.searchParams.get('fieldSelector'), route.type.plural);
  const inScope = (o: KubeObject): boolean =>
    !route.type.namespaced || !route.namespace || o.metadata.namespace === route.namespace;
  const matches = (o: KubeObject): boolean => inScope(o) && byLabel(o) && byField(o);
  const rvParam = url.searchParams.get('resourceVersion');
  const bookmarks = url.searchParams.get('allowWatchBookmarks') === 'true';
  const sendInitialEvents = url.searchParams.get('sendInitialEvents') === 'true';
  const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? 0);
  const refused = watchOptionsError(url.searchParams);
  if (refused) return Promise.reject(refused);

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  ctx.log.status = 200;
  let events = 0;
  const write = (type: string, object: unknown): void => {
    events += 1;
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const bookmark = (rv: number, initialEnd = false): void =>
    write('BOOKMARK', {
      kind: route.type.kind,
      apiVersion: apiVersionOf(route.type),
      metadata: {
        resourceVersion: String(rv),
        ...(initialEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
      },
    });

  return new Promise<void>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe: () => void = () => undefined;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      unsubscribe();
      timers.forEach(clearTimeout);
      ctx.log.events = events;
      if (!res.writableEnded) res.end();
      resolve();
    };
    req.on('close', finish);
    res.on('close', finish);

    // Objects the client currently sees, so label changes become ADDED/DELETED as the watch cache does.
    const visible = new Set<string>();
    const deliver = (e: StoreEvent): void => {
      const o = e.object;
      if (!inScope(o)) return;
      const was = visible.has(slot(o));
      const now = e.type !== 'DELETED' && matches(o);
      if (e.type === 'DELETED') {
        if (was || matches(o)) write('DELETED', o);
        visible.delete(slot(o));
        return;
      }
      if (now) visible.add(slot(o));
      else visible.delete(slot(o));
      if (now && !was) write('ADDED', o);
      else if (now && was) write(e.type === 'ADDED' ? 'ADDED' : 'MODIFIED', o);
      else if (!now && was) write('DELETED', o);
    };

    try {
      if (!rvParam || rvParam === '0') {
        for (const o of store.list(route.key, route.namespace))
          if (matches(o))
            deliver({
              type: 'ADDED',
              key: route.key,
              object: o,
              resourceVersion: Number(o.metadata.resourceVersion),
            });
        if (sendInitialEvents && bookmarks) bookmark(store.currentResourceVersion(), true);
      } else {
        const from = Number(rvParam);
        const backlog = store.eventsSince(from).filter((e) => e.key === route.key);
        // What the client saw at `from`: unchanged objects, and objects whose first later event is not ADDED.
        const first = new Map<string, StoreEvent>();
        for (const e of backlog) if (!first.has(slot(e.object))) first.set(slot(e.object), e);
        for (const o of store.list(route.key, route.namespace))
          if (matches(o) && !first.has(slot(o))) visible.add(slot(o));
        for (const [s, e] of first) if (e.type !== 'ADDED' && matches(e.object)) visible.add(s);
        for (const e of backlog) deliver(e);
      }
    } catch (e) {
      const err = toStatusError(e);
      write('ERROR', statusBody(err));
      finish();
      return;
    }
    unsubscribe = store.subscribe((e) => {
      if (e.key === route.key) deliver(e);
    });
    if (bookmarks) {
      const tick = (): void => {
        bookmark(store.currentResourceVersion());
        timers.push(setTimeout(tick, opts.bookmarkIntervalMs));
      };
      timers.push(setTimeout(tick, opts.bookmarkIntervalMs));
    }
    if (timeoutSeconds > 0) timers.push(setTimeout(finish, timeoutSeconds * 1000));
    if (opts.cutAfterSeconds) timers.push(setTimeout(finish, opts.cutAfterSeconds * 1000));
  });
}
