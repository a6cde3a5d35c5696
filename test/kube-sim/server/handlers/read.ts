import type { KubeObject } from '../../types.js';
import { notFound } from '../../store/errors.js';
import { apiVersionOf } from '../../store/resource-types.js';
import type { HandlerContext } from '../context.js';
import { fieldSelector, labelSelector } from '../selectors.js';
import { badRequest, sendJson } from '../status.js';

export function handleGet(ctx: HandlerContext): void {
  const { route, store } = ctx;
  ctx.log.verb = 'get';
  const obj = store.get(route.key, route.namespace, route.name as string);
  if (!obj) throw notFound(route.type, route.name as string);
  sendJson(ctx.res, 200, obj);
}

/** Objects of the route's type in its namespace (all namespaces when none) matching the selectors. */
export function selectObjects(ctx: HandlerContext): KubeObject[] {
  const { route, store, url } = ctx;
  const byLabel = labelSelector(url.searchParams.get('labelSelector'));
  const byField = fieldSelector(url.searchParams.get('fieldSelector'), route.type.plural);
  return store.list(route.key, route.namespace).filter((o) => byLabel(o) && byField(o));
}

interface ContinueToken {
  rv: number;
  offset: number;
}

export function handleList(ctx: HandlerContext): void {
  const { route, store, url } = ctx;
  ctx.log.verb = 'list';
  const all = selectObjects(ctx);
  const limit = Number(url.searchParams.get('limit') ?? 0);
  const token = url.searchParams.get('continue');
  let offset = 0;
  let rv = store.currentResourceVersion();
  if (token) {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as ContinueToken;
      offset = parsed.offset;
      rv = parsed.rv;
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
    }
  }
  const page = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
  const more = limit > 0 && offset + limit < all.length;
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (more) {
    metadata.continue = Buffer.from(
      JSON.stringify({ rv, offset: offset + limit } satisfies ContinueToken),
    ).toString('base64');
    metadata.remainingItemCount = all.length - offset - limit;
  }
  // Items in a typed list carry no apiVersion/kind, as the real API server serializes them.
  const items = page.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  sendJson(ctx.res, 200, {
    kind: `${route.type.kind}List`,
    apiVersion: apiVersionOf(route.type),
    metadata,
    items,
  });
}
