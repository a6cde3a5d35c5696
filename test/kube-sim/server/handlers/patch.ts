import { parse as parseYaml } from 'yaml';
import { StatusError, type KubeObject } from '../../types.js';
import { clone } from '../../store/deep.js';
import { notFound } from '../../store/errors.js';
import { apiVersionOf } from '../../store/resource-types.js';
import { managerName, type HandlerContext } from '../context.js';
import { jsonPatch } from '../patch/json-patch.js';
import { mergePatch } from '../patch/merge-patch.js';
import { strategicMergePatch } from '../patch/strategic-merge-patch.js';
import { serverSideApply } from '../ssa/apply.js';
import { managedFieldsForUpdate, scopeFor } from '../ssa/managed-fields.js';
import { badRequest, sendJson } from '../status.js';
import { checkIdentity } from './write.js';

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const APPLY = 'application/apply-patch+yaml';
const PATCH_TYPES = [JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY];

function invalidOptions(
  field: string,
  reason: 'FieldValueRequired' | 'FieldValueForbidden',
  message: string,
): StatusError {
  return new StatusError(422, 'Invalid', `PatchOptions.meta.k8s.io "" is invalid: ${field}: ${message}`, {
    group: 'meta.k8s.io',
    kind: 'PatchOptions',
    causes: [{ reason, message, field }],
  });
}

export async function handlePatch(ctx: HandlerContext): Promise<void> {
  const { route, store, url } = ctx;
  ctx.log.verb = 'patch';
  const contentType = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (!PATCH_TYPES.includes(contentType)) {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`,
    );
  }
  const isApply = contentType === APPLY;
  const fieldManager = url.searchParams.get('fieldManager');
  const forceParam = url.searchParams.get('force');
  if (isApply && !fieldManager)
    throw invalidOptions('fieldManager', 'FieldValueRequired', 'Required value: is required for apply patch');
  if (!isApply && forceParam !== null)
    throw invalidOptions(
      'force',
      'FieldValueForbidden',
      'Forbidden: may not be specified for non-apply patch',
    );
  const manager = managerName(ctx);
  ctx.log.fieldManager = manager;

  const raw = (await ctx.rawBody()).toString('utf8');
  let patch: unknown;
  try {
    patch = isApply ? parseYaml(raw) : JSON.parse(raw);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  const name = route.name as string;
  const old = store.get(route.key, route.namespace, name);
  const subresource = route.subresource === 'status' ? 'status' : undefined;
  const scope = scopeFor(subresource, route.type.subresources?.includes('status') ?? false);
  const apiVersion = apiVersionOf(route.type);

  let next: KubeObject;
  if (isApply) {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      throw badRequest('the object provided is unrecognized (must be of type Object)');
    const applied = clone(patch) as KubeObject;
    applied.metadata = applied.metadata ?? ({} as KubeObject['metadata']);
    if (!applied.apiVersion || !applied.kind)
      throw badRequest("Object 'Kind' is missing in the applied configuration");
    checkIdentity(ctx, applied);
    if (!old && subresource) throw notFound(route.type, name);
    next = serverSideApply(old, applied, {
      manager,
      force: forceParam === 'true',
      apiVersion,
      subresource,
      scope,
      now: ctx.nowIso(),
    });
    if (route.type.namespaced) next.metadata.namespace = route.namespace;
    if (!old) {
      // An apply that creates is also a create: the patch handler authorises it as one.
      ctx.authorizeVerb('create');
      store.applyDefaults(route.key, next, undefined);
      const created = store.create(route.key, next);
      sendJson(ctx.res, 201, created);
      return;
    }
  } else {
    if (!old) throw notFound(route.type, name);
    const base = clone(old);
    const patched =
      contentType === JSON_PATCH
        ? jsonPatch(base, patch)
        : contentType === MERGE_PATCH
          ? mergePatch(base, patch)
          : strategicMergePatch(base, patch, [], route.type.kind);
    next = patched as KubeObject;
    if (typeof next !== 'object' || next === null || !next.metadata)
      throw badRequest('the patched object is not a Kubernetes object');
    // A patch cannot rename or move an object; identity comes from the URL.
    next.metadata.name = old.metadata.name;
    if (route.type.namespaced) next.metadata.namespace = old.metadata.namespace;
    next.apiVersion = apiVersion;
    next.kind = route.type.kind;
    if (!subresource) store.applyDefaults(route.key, next, old);
    next.metadata.managedFields = managedFieldsForUpdate(old, next, {
      manager,
      apiVersion,
      subresource,
      scope,
      now: ctx.nowIso(),
    });
  }
  const written = subresource ? store.updateStatus(route.key, next) : store.update(route.key, next);
  ctx.log.noop = written.metadata.resourceVersion === old?.metadata.resourceVersion;
  sendJson(ctx.res, 200, written);
}
