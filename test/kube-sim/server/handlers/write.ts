import { StatusError, type KubeObject } from '../../types.js';
import { clone } from '../../store/deep.js';
import { conflict, notFound } from '../../store/errors.js';
import { apiVersionOf } from '../../store/resource-types.js';
import { asObject, managerName, type HandlerContext } from '../context.js';
import { managedFieldsForUpdate, scopeFor } from '../ssa/managed-fields.js';
import { badRequest, sendJson } from '../status.js';
import { selectObjects } from './read.js';

const BODY_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
/** Registries that answer DELETE with the object rather than a Status (ReturnDeletedObject). */
const RETURNS_DELETED_OBJECT = new Set([
  'pods',
  'services',
  'namespaces',
  'persistentvolumeclaims',
  'storageclasses.storage.k8s.io',
]);

export function requireBodyType(ctx: HandlerContext): void {
  const ct = (ctx.req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim() ?? '';
  if (ct !== 'application/json' && ct !== 'application/yaml') {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${BODY_TYPES.join(', ')}`,
    );
  }
}

/** Checks apiVersion/kind/namespace/name of a body against the URL, as the decoder and the REST handlers do. */
export function checkIdentity(ctx: HandlerContext, obj: KubeObject): void {
  const { route } = ctx;
  const want = apiVersionOf(route.type);
  if (obj.apiVersion && obj.apiVersion !== want)
    throw badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${want})`,
    );
  if (obj.kind && obj.kind !== route.type.kind && !(route.subresource === 'finalize')) {
    throw badRequest(`Object 'Kind' is wrong: expected ${route.type.kind}, got ${obj.kind}`);
  }
  obj.apiVersion = want;
  obj.kind = route.type.kind;
  if (route.type.namespaced) {
    if (obj.metadata.namespace && obj.metadata.namespace !== route.namespace)
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    obj.metadata.namespace = route.namespace;
  }
  if (route.name !== undefined && obj.metadata.name !== route.name) {
    throw badRequest(
      `the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${route.name})`,
    );
  }
}

export async function handleCreate(ctx: HandlerContext): Promise<void> {
  const { route, store } = ctx;
  ctx.log.verb = 'create';
  requireBodyType(ctx);
  const obj = asObject(await ctx.body());
  checkIdentity(ctx, obj);
  if (obj.metadata.resourceVersion)
    throw new StatusError(
      500,
      'InternalError',
      'Internal error occurred: resourceVersion should not be set on objects to be created',
    );
  const manager = managerName(ctx);
  ctx.log.fieldManager = manager;
  store.applyDefaults(route.key, obj, undefined);
  const scope = scopeFor(undefined, route.type.subresources?.includes('status') ?? false);
  obj.metadata.managedFields = managedFieldsForUpdate(undefined, obj, {
    manager,
    apiVersion: obj.apiVersion,
    scope,
    now: ctx.nowIso(),
  });
  const created = store.create(route.key, obj);
  ctx.log.name = created.metadata.name;
  sendJson(ctx.res, 201, created);
}

export async function handleReplace(ctx: HandlerContext): Promise<void> {
  const { route, store } = ctx;
  ctx.log.verb = 'update';
  requireBodyType(ctx);
  const obj = asObject(await ctx.body());
  checkIdentity(ctx, obj);
  const old = store.get(route.key, route.namespace, route.name as string);
  if (!old) throw notFound(route.type, route.name as string);
  const manager = managerName(ctx);
  ctx.log.fieldManager = manager;
  let next: KubeObject;
  if (route.subresource === 'finalize') {
    // PUT /namespaces/<n>/finalize only changes spec.finalizers.
    next = clone(old);
    next.spec = { ...(old.spec ?? {}), finalizers: obj.spec?.finalizers ?? [] };
    if (obj.metadata.resourceVersion) next.metadata.resourceVersion = obj.metadata.resourceVersion;
  } else {
    next = obj;
    if (route.subresource !== 'status') store.applyDefaults(route.key, next, old);
  }
  const subresource = route.subresource === 'status' ? 'status' : undefined;
  const scope = scopeFor(subresource, route.type.subresources?.includes('status') ?? false);
  const merged: KubeObject = subresource
    ? {
        ...clone(old),
        status: next.status,
        metadata: { ...old.metadata, resourceVersion: next.metadata.resourceVersion },
      }
    : next;
  merged.metadata.managedFields = managedFieldsForUpdate(old, merged, {
    manager,
    apiVersion: merged.apiVersion,
    subresource,
    scope,
    now: ctx.nowIso(),
  });
  const written = subresource ? store.updateStatus(route.key, merged) : store.update(route.key, merged);
  ctx.log.noop = written.metadata.resourceVersion === old.metadata.resourceVersion;
  sendJson(ctx.res, 200, written);
}

interface DeleteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: string;
  gracePeriodSeconds?: number;
}

async function deleteOptions(ctx: HandlerContext): Promise<DeleteOptions> {
  const raw = await ctx.rawBody();
  const body = (raw.length ? JSON.parse(raw.toString('utf8')) : {}) as DeleteOptions & {
    orphanDependents?: boolean;
  };
  const policy =
    body.propagationPolicy ??
    ctx.url.searchParams.get('propagationPolicy') ??
    (body.orphanDependents === true ? 'Orphan' : undefined);
  body.propagationPolicy = policy;
  const grace = ctx.url.searchParams.get('gracePeriodSeconds');
  if (body.gracePeriodSeconds === undefined && grace !== null) body.gracePeriodSeconds = Number(grace);
  if (body.gracePeriodSeconds !== undefined && !Number.isInteger(body.gracePeriodSeconds))
    throw badRequest(`invalid gracePeriodSeconds: ${String(grace ?? body.gracePeriodSeconds)}`);
  if (policy && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw new StatusError(
      422,
      'Invalid',
      `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
    );
  }
  return body;
}

/**
 * Orphan: the dependents lose their ownerReference to the object and stay (the garbage collector's
 * orphan finalizer, done at once here). batch/v1 Jobs orphan their pods unless told otherwise — the
 * Job strategy's DefaultGarbageCollectionPolicy — which is why kubectl sends Background.
 */
function orphanDependents(ctx: HandlerContext, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  for (const pod of ctx.store.list('pods', owner.metadata.namespace)) {
    const refs = pod.metadata.ownerReferences ?? [];
    if (!refs.some((r) => r.uid === uid)) continue;
    const ownerReferences = refs.filter((r) => r.uid !== uid);
    ctx.store.update('pods', {
      ...pod,
      metadata: { ...pod.metadata, ownerReferences: ownerReferences.length ? ownerReferences : undefined },
    });
  }
}

function deleteOne(ctx: HandlerContext, name: string, opts: DeleteOptions): KubeObject {
  const { route, store } = ctx;
  const current = store.get(route.key, route.namespace, name);
  if (!current) throw notFound(route.type, name);
  const policy = opts.propagationPolicy ?? (route.key === 'jobs.batch' ? 'Orphan' : 'Background');
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw conflict(
      route.type,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
    );
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(
      route.type,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion ?? ''}`,
    );
  }
  if (policy === 'Orphan') orphanDependents(ctx, current);
  return store.delete(route.key, route.namespace, name, {
    gracePeriodSeconds: opts.gracePeriodSeconds,
    propagationPolicy: policy as 'Foreground' | 'Background' | 'Orphan',
  }) as KubeObject;
}

export async function handleDelete(ctx: HandlerContext): Promise<void> {
  const { route, store } = ctx;
  ctx.log.verb = 'delete';
  const opts = await deleteOptions(ctx);
  const name = route.name as string;
  const last = deleteOne(ctx, name, opts);
  const stillThere = store.get(route.key, route.namespace, name);
  if (stillThere || RETURNS_DELETED_OBJECT.has(route.key)) {
    sendJson(ctx.res, 200, stillThere ?? last);
    return;
  }
  sendJson(ctx.res, 200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name,
      ...(route.type.group ? { group: route.type.group } : {}),
      kind: route.type.plural,
      uid: last.metadata.uid,
    },
  });
}

export async function handleDeleteCollection(ctx: HandlerContext): Promise<void> {
  const { route } = ctx;
  ctx.log.verb = 'deletecollection';
  const opts = await deleteOptions(ctx);
  const deleted = selectObjects(ctx).map((o) => deleteOne(ctx, o.metadata.name, opts));
  const items = deleted.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  sendJson(ctx.res, 200, {
    kind: `${route.type.kind}List`,
    apiVersion: apiVersionOf(route.type),
    metadata: { resourceVersion: String(ctx.store.currentResourceVersion()) },
    items,
  });
}
