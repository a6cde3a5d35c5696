// The RBAC authorizer and rule resolver of plugin/pkg/auth/authorizer/rbac and
// pkg/registry/rbac/validation: ClusterRoleBindings first, then the RoleBindings of the request's
// namespace; the first rule that allows wins and names its source.
import type { ObjectStore } from '../../types.js';
import type { RequestAttributes } from './request-attributes.js';
import type { UserInfo } from './user.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface RoleRef {
  kind: string;
  name: string;
  apiGroup?: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

const has = (list: readonly string[] | undefined, v: string): boolean =>
  (list ?? []).some((x) => x === '*' || x === v);

export function ruleAllows(a: RequestAttributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) {
    return (rule.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))),
    );
  }
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resourceOk = (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (a.subresource !== '' && r === `*/${a.subresource}`),
  );
  const namesOk = !rule.resourceNames?.length || rule.resourceNames.includes(a.name);
  return has(rule.apiGroups, a.apiGroup) && resourceOk && namesOk;
}

function appliesTo(user: UserInfo, subjects: Subject[] | undefined, namespace: string): Subject | undefined {
  return (subjects ?? []).find((s) => {
    if (s.kind === 'User') return s.name === user.username;
    if (s.kind === 'Group') return user.groups.includes(s.name);
    if (s.kind === 'ServiceAccount') {
      const ns = s.namespace || namespace;
      return ns !== '' && user.username === `system:serviceaccount:${ns}:${s.name}`;
    }
    return false;
  });
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} "${s.name}/${s.namespace || bindingNamespace}"`;
  return `${s.kind} "${s.name}"`;
}

/** The rules a role reference resolves to, or the lister's NotFound text. */
export function roleRefRules(
  store: ObjectStore,
  ref: RoleRef,
  namespace: string,
): { rules: PolicyRule[] } | { error: string } {
  if (ref.kind === 'Role') {
    const role = store.get(`roles.${RBAC_GROUP}`, namespace, ref.name);
    return role
      ? { rules: (role.rules as PolicyRule[]) ?? [] }
      : { error: `role.${RBAC_GROUP} "${ref.name}" not found` };
  }
  if (ref.kind === 'ClusterRole') {
    const role = store.get(`clusterroles.${RBAC_GROUP}`, undefined, ref.name);
    return role
      ? { rules: (role.rules as PolicyRule[]) ?? [] }
      : { error: `clusterrole.${RBAC_GROUP} "${ref.name}" not found` };
  }
  return { error: `unsupported role reference kind: "${ref.kind}"` };
}

type Visitor = (source: string | undefined, rule: PolicyRule | undefined, err: string | undefined) => boolean;

/** VisitRulesFor: every rule bound to the user cluster-wide, then in `namespace`; the visitor may stop early. */
export function visitRulesFor(store: ObjectStore, user: UserInfo, namespace: string, visit: Visitor): void {
  for (const b of store.list(`clusterrolebindings.${RBAC_GROUP}`)) {
    const subject = appliesTo(user, b.subjects as Subject[], '');
    if (!subject) continue;
    const ref = b.roleRef as RoleRef;
    const resolved = roleRefRules(store, ref, '');
    if ('error' in resolved) {
      if (!visit(undefined, undefined, resolved.error)) return;
      continue;
    }
    const source = `ClusterRoleBinding "${b.metadata.name}" of ${ref.kind} "${ref.name}" to ${describeSubject(subject, '')}`;
    for (const rule of resolved.rules) if (!visit(source, rule, undefined)) return;
  }
  if (!namespace) return;
  for (const b of store.list(`rolebindings.${RBAC_GROUP}`, namespace)) {
    const subject = appliesTo(user, b.subjects as Subject[], namespace);
    if (!subject) continue;
    const ref = b.roleRef as RoleRef;
    const resolved = roleRefRules(store, ref, namespace);
    if ('error' in resolved) {
      if (!visit(undefined, undefined, resolved.error)) return;
      continue;
    }
    const source = `RoleBinding "${b.metadata.name}/${namespace}" of ${ref.kind} "${ref.name}" to ${describeSubject(subject, namespace)}`;
    for (const rule of resolved.rules) if (!visit(source, rule, undefined)) return;
  }
}

export function rulesFor(store: ObjectStore, user: UserInfo, namespace: string): PolicyRule[] {
  const rules: PolicyRule[] = [];
  visitRulesFor(store, user, namespace, (_s, rule) => {
    if (rule) rules.push(rule);
    return true;
  });
  return rules;
}

/** RBACAuthorizer.Authorize: allowed with "RBAC: allowed by …", or denied with any resolution errors as the reason. */
export function authorize(store: ObjectStore, user: UserInfo, a: RequestAttributes): Decision {
  let allowed = '';
  const errors: string[] = [];
  visitRulesFor(store, user, a.namespace, (source, rule, err) => {
    if (rule && ruleAllows(a, rule)) {
      allowed = `RBAC: allowed by ${source ?? ''}`;
      return false;
    }
    if (err) errors.push(err);
    return true;
  });
  if (allowed) return { allowed: true, reason: allowed };
  const reason =
    errors.length === 0 ? '' : errors.length === 1 ? `RBAC: ${errors[0]}` : `RBAC: [${errors.join(', ')}]`;
  return { allowed: false, reason };
}
