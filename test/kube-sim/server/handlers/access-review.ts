import type { ObjectStore } from '../../types.js';
import { authorize } from '../auth/rbac.js';
import { nonResourceAttributes, type RequestAttributes } from '../auth/request-attributes.js';
import type { UserInfo } from '../auth/user.js';
import { asObject, type HandlerContext } from '../context.js';
import { sendJson } from '../status.js';
import { requireBodyType } from './write.js';

/** A test override: a permission the review answers as denied whatever RBAC says; omitted fields match anything. */
export interface AccessDenial {
  verb?: string;
  resource?: string;
  group?: string;
  namespace?: string;
  subresource?: string;
  reason?: string;
}

interface ResourceAttributes {
  verb?: string;
  resource?: string;
  group?: string;
  namespace?: string;
  subresource?: string;
  name?: string;
}

interface ReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
}

function matches(d: AccessDenial, a: ResourceAttributes): boolean {
  const eq = (want: string | undefined, got: string | undefined): boolean =>
    want === undefined || want === '*' || want === (got ?? '');
  return (
    eq(d.verb, a.verb) &&
    eq(d.resource, a.resource) &&
    eq(d.group, a.group) &&
    eq(d.namespace, a.namespace) &&
    eq(d.subresource, a.subresource)
  );
}

function attributesOf(spec: ReviewSpec): RequestAttributes {
  const r = spec.resourceAttributes as ResourceAttributes | undefined;
  if (!r) {
    const n = spec.nonResourceAttributes ?? {};
    return { ...nonResourceAttributes('', n.path ?? ''), verb: n.verb ?? '' };
  }
  return {
    resourceRequest: true,
    verb: r.verb ?? '',
    apiGroup: r.group ?? '',
    apiVersion: '',
    resource: r.resource ?? '',
    subresource: r.subresource ?? '',
    namespace: r.namespace ?? '',
    name: r.name ?? '',
    path: '',
  };
}

/** POST selfsubjectaccessreviews: answered by the same RBAC rules that authorise requests, 201 like the real server. */
export async function handleAccessReview(
  ctx: HandlerContext,
  denied: () => readonly AccessDenial[],
  user: UserInfo,
  store: ObjectStore,
): Promise<void> {
  ctx.log.verb = 'create';
  requireBodyType(ctx);
  const review = asObject(await ctx.body());
  const spec = (review.spec ?? {}) as ReviewSpec;
  const hit = spec.resourceAttributes
    ? denied().find((d) => matches(d, spec.resourceAttributes as ResourceAttributes))
    : undefined;
  const decision = authorize(store, user, attributesOf(spec));
  const status = hit
    ? { allowed: false, ...(hit.reason ? { reason: hit.reason } : {}) }
    : { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
  sendJson(ctx.res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status,
  });
}
