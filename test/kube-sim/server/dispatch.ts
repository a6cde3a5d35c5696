import type { HandlerContext } from './context.js';
import { handleAccessReview, type AccessDenial } from './handlers/access-review.js';
import { handlePatch } from './handlers/patch.js';
import { handlePodLog } from './handlers/pod-log.js';
import { handleSelfSubjectReview, handleTokenRequest } from './handlers/token-request.js';
import type { TokenIssuer } from './auth/tokens.js';
import { handleGet, handleList } from './handlers/read.js';
import { handleWatch, type WatchOptions } from './handlers/watch.js';
import { handleCreate, handleDelete, handleDeleteCollection, handleReplace } from './handlers/write.js';
import type { PodRuntime } from './pod-runtime.js';
import { methodNotAllowed } from './status.js';

export interface DispatchDeps {
  runtime: PodRuntime;
  tokens: TokenIssuer;
  accessDenied(): readonly AccessDenial[];
  watchOptions(): WatchOptions;
}

/** Maps method + route to a verb handler; a verb the type does not serve is 405 as on a real server. */
export async function dispatchResource(ctx: HandlerContext, deps: DispatchDeps): Promise<void> {
  const { route, url } = ctx;
  const method = ctx.req.method ?? 'GET';
  const allows = (verb: string): boolean => route.type.verbs.includes(verb);
  ctx.log.resource = route.subresource ? `${route.key}/${route.subresource}` : route.key;
  ctx.log.namespace = route.namespace;
  ctx.log.name = route.name;

  if (route.key === 'selfsubjectaccessreviews.authorization.k8s.io') {
    if (method !== 'POST' || route.name) throw methodNotAllowed();
    return handleAccessReview(ctx, deps.accessDenied, ctx.user, ctx.store);
  }
  if (route.key === 'selfsubjectreviews.authentication.k8s.io') {
    if (method !== 'POST' || route.name) throw methodNotAllowed();
    return handleSelfSubjectReview(ctx, ctx.user);
  }
  if (route.subresource === 'token') {
    if (method !== 'POST') throw methodNotAllowed();
    return handleTokenRequest(ctx, deps.tokens);
  }
  if (route.subresource === 'log') {
    if (method !== 'GET') throw methodNotAllowed();
    return handlePodLog(ctx, deps.runtime);
  }
  // Served over the WebSocket upgrade only.
  if (route.subresource === 'exec' || route.subresource === 'portforward') throw methodNotAllowed();
  if (route.subresource === 'finalize' && method !== 'PUT') throw methodNotAllowed();

  if (!route.name) {
    const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
    if (method === 'GET' && watch && allows('watch')) return handleWatch(ctx, deps.watchOptions());
    if (method === 'GET' && allows('list')) return handleList(ctx);
    if (method === 'POST' && allows('create')) return handleCreate(ctx);
    if (method === 'DELETE' && allows('deletecollection')) return handleDeleteCollection(ctx);
    throw methodNotAllowed();
  }
  if (method === 'GET' && allows('get')) return handleGet(ctx);
  if (method === 'PUT' && allows('update')) return handleReplace(ctx);
  if (method === 'PATCH' && allows('patch')) return handlePatch(ctx);
  if (method === 'DELETE' && allows('delete') && !route.subresource) return handleDelete(ctx);
  throw methodNotAllowed();
}
