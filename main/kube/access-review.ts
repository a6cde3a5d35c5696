// Preflight's permission check: every CLUSTER_ACCESS right cluster-wide, and the store verbs
// either held directly (a cluster admin) or through the store role the engine will bind in each
// store namespace, which must then exist and grant every STORE_ACCESS verb.
import type { KubeClient } from './client';
import { KINDS } from './kinds';
import { CLUSTER_ACCESS, STORE_ACCESS, STORE_ROLE, type AccessRule } from './required-access';

// A namespace the stores would live in; reviews are namespace-scoped, so any store-* name answers alike.
const PROBE_NAMESPACE = 'store-preflight';

/** What a SelfSubjectAccessReview asks: no namespace means "in every namespace". */
export interface ResourceAttributes {
  group: string;
  resource: string;
  verb: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

/** Whether the API server lets this user do that (one SelfSubjectAccessReview). */
export async function mayI(client: KubeClient, attributes: ResourceAttributes): Promise<boolean> {
  const review = await client.call(() =>
    client.authorization.createSelfSubjectAccessReview({
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      },
    }),
  );
  return review.status?.allowed === true;
}

const what = (rule: AccessRule, verb: string): string =>
  `${verb} ${rule.resource}${rule.subresource ? `/${rule.subresource}` : ''}${rule.feature ? ` (needed for ${rule.feature})` : ''}`;

/** Each verb of each rule the user may not use (by SelfSubjectAccessReview). */
async function deniedOf(client: KubeClient, rules: readonly AccessRule[]): Promise<string[]> {
  const answers = await Promise.all(
    rules.flatMap((rule) =>
      rule.verbs.map(async (verb) => {
        const allowed = await mayI(client, {
          group: rule.group,
          resource: rule.resource,
          subresource: rule.subresource,
          name: rule.resourceNames?.[0],
          verb,
          namespace: rule.clusterScoped ? undefined : PROBE_NAMESPACE,
        });
        return allowed ? null : what(rule, verb);
      }),
    ),
  );
  return answers.filter((d): d is string => d !== null);
}

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
}

/** The STORE_ACCESS verbs the role's rules do not grant (literal or `*`, as RBAC matches them). */
function missingFromRole(rules: readonly PolicyRule[]): string[] {
  const grants = (rule: AccessRule, verb: string): boolean =>
    rules.some((r) => {
      const resource = rule.subresource ? `${rule.resource}/${rule.subresource}` : rule.resource;
      const has = (list: string[] | undefined, v: string) => (list ?? []).some((x) => x === '*' || x === v);
      return (
        !r.resourceNames?.length &&
        has(r.apiGroups, rule.group) &&
        has(r.resources, resource) &&
        has(r.verbs, verb)
      );
    });
  return STORE_ACCESS.flatMap((rule) => rule.verbs.filter((v) => !grants(rule, v)).map((v) => what(rule, v)));
}

export interface AccessVerdict {
  ok: boolean;
  detail: string;
}

export async function reviewAccess(client: KubeClient): Promise<AccessVerdict> {
  const cluster = await deniedOf(client, CLUSTER_ACCESS);
  const store = await deniedOf(client, STORE_ACCESS);
  if (cluster.length === 0 && store.length === 0)
    return { ok: true, detail: 'Every verb the engine uses is allowed' };
  const install = 'Ask a cluster admin to install charts/storedeck-access for you';
  if (cluster.length > 0) return { ok: false, detail: `Not allowed: ${cluster.join(', ')}. ${install}` };
  const role = await client.get(KINDS.ClusterRole, undefined, STORE_ROLE);
  if (!role)
    return {
      ok: false,
      detail: `Not allowed in store namespaces: ${store.join(', ')}, and there is no ClusterRole ${STORE_ROLE} to bind. ${install}`,
    };
  const missing = missingFromRole((role.rules as PolicyRule[] | undefined) ?? []);
  if (missing.length > 0)
    return {
      ok: false,
      detail: `ClusterRole ${STORE_ROLE} lacks: ${missing.join(', ')}. Ask a cluster admin to upgrade charts/storedeck-access`,
    };
  return {
    ok: true,
    detail: `Every verb the engine uses is allowed (inside store namespaces through ClusterRole ${STORE_ROLE})`,
  };
}
