import { asObject, type HandlerContext } from '../context.js';
import { sendJson } from '../status.js';
import { requireBodyType } from './write.js';

/** One denied permission; omitted fields match anything. */
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

/** POST selfsubjectaccessreviews: allowed unless the configurable deny list matches, answered 201 like the real server. */
export async function handleAccessReview(
  ctx: HandlerContext,
  denied: () => readonly AccessDenial[],
): Promise<void> {
  ctx.log.verb = 'create';
  requireBodyType(ctx);
  const review = asObject(await ctx.body());
  const attrs = (review.spec?.resourceAttributes ?? {}) as ResourceAttributes;
  const hit = review.spec?.resourceAttributes ? denied().find((d) => matches(d, attrs)) : undefined;
  const status = hit
    ? { allowed: false, ...(hit.reason ? { reason: hit.reason } : {}) }
    : {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"',
      };
  sendJson(ctx.res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: review.spec ?? {},
    status,
  });
}
