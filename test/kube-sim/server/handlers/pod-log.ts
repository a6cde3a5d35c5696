import { notFound } from '../../store/errors.js';
import type { HandlerContext } from '../context.js';
import type { PodRuntime } from '../pod-runtime.js';

/** GET pods/<name>/log: plain text, chunked and held open with follow=true, delegated to the controllers. */
export function handlePodLog(ctx: HandlerContext, runtime: PodRuntime): Promise<void> {
  const { route, store, url, res, req } = ctx;
  ctx.log.verb = 'get';
  const ns = route.namespace as string;
  const name = route.name as string;
  if (!store.get('pods', ns, name)) throw notFound(route.type, name);
  const tail = url.searchParams.get('tailLines');
  const follow = url.searchParams.get('follow') === 'true';
  const out = runtime.podLogs(ns, name, {
    container: url.searchParams.get('container') || undefined,
    tailLines: tail !== null && tail !== '' ? Number(tail) : undefined,
    follow,
    timestamps: url.searchParams.get('timestamps') === 'true',
    previous: url.searchParams.get('previous') === 'true',
  });
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  ctx.log.status = 200;
  for (const line of out.lines) res.write(`${line}\n`);
  if (!follow || !out.follow) {
    res.end();
    return Promise.resolve();
  }
  res.flushHeaders();
  return new Promise<void>((resolve) => {
    let stop: () => void = () => undefined;
    let done = false;
    const end = (): void => {
      if (done) return;
      done = true;
      stop();
      if (!res.writableEnded) res.end();
      resolve();
    };
    stop = out.follow?.((line) => res.write(`${line}\n`), end) ?? stop;
    req.on('close', end);
    res.on('close', end);
  });
}
