// RBAC's escalation prevention (pkg/registry/rbac/*/policybased and validation.ConfirmNoEscalation):
// a user may write a Role only holding every right in it (or `escalate` on it), and a binding
// only with `bind` on the role it names (or holding every right of that role).
import { StatusError, type AdmissionPlugin, type KubeObject, type ObjectStore } from '../../types.js';
import { forbiddenFor } from './forbidden.js';
import { authorize, RBAC_GROUP, roleRefRules, rulesFor, type PolicyRule } from './rbac.js';
import { PRIVILEGED_GROUP, requestUser, type UserInfo } from './user.js';

interface Atom {
  group?: string;
  resource?: string;
  name?: string;
  url?: string;
  verb: string;
}

/** One requested right per (group, resource, name, verb), or per (url, verb). */
function atoms(rule: PolicyRule): Atom[] {
  const out: Atom[] = [];
  for (const verb of rule.verbs ?? []) {
    for (const url of rule.nonResourceURLs ?? []) out.push({ url, verb });
    for (const group of rule.apiGroups ?? [])
      for (const resource of rule.resources ?? [])
        for (const name of rule.resourceNames?.length ? rule.resourceNames : [undefined])
          out.push({ group, resource, name, verb });
  }
  return out;
}

const holds = (list: readonly string[] | undefined, v: string): boolean =>
  (list ?? []).some((x) => x === '*' || x === v);

/** validation.Covers for one atom: the owner's rule must hold it literally or by a wildcard. */
function covered(owner: PolicyRule, a: Atom): boolean {
  if (!holds(owner.verbs, a.verb)) return false;
  if (a.url !== undefined)
    return (owner.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === a.url || (u.endsWith('*') && (a.url as string).startsWith(u.slice(0, -1))),
    );
  const resource = a.resource as string;
  const sub = resource.includes('/') ? resource.slice(resource.indexOf('/')) : '';
  const resourceOk = (owner.resources ?? []).some(
    (r) => r === '*' || r === resource || (sub !== '' && r === `*${sub}`),
  );
  const namesOk =
    !owner.resourceNames?.length || (a.name !== undefined && owner.resourceNames.includes(a.name));
  return holds(owner.apiGroups, a.group as string) && resourceOk && namesOk;
}

const q = (list: string[]): string => `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;

/** rbacv1helpers.CompactString of the missing rights, grouped by target as CompactRules does. */
function describeMissing(missing: Atom[]): string[] {
  const grouped = new Map<string, { atom: Atom; verbs: string[] }>();
  for (const a of missing) {
    const key = JSON.stringify([a.group, a.resource, a.name, a.url]);
    const g = grouped.get(key) ?? { atom: a, verbs: [] };
    g.verbs.push(a.verb);
    grouped.set(key, g);
  }
  const lines = [...grouped.values()].map(({ atom, verbs }) => {
    const parts: string[] = [];
    if (atom.group !== undefined) parts.push(`APIGroups:${q([atom.group])}`);
    if (atom.resource !== undefined) parts.push(`Resources:${q([atom.resource])}`);
    if (atom.url !== undefined) parts.push(`NonResourceURLs:${q([atom.url])}`);
    if (atom.name !== undefined) parts.push(`ResourceNames:${q([atom.name])}`);
    parts.push(`Verbs:${q(verbs)}`);
    return `{${parts.join(', ')}}`;
  });
  return [...new Set(lines)].sort();
}

function confirmNoEscalation(
  store: ObjectStore,
  user: UserInfo,
  namespace: string,
  rules: PolicyRule[],
  resource: string,
  name: string,
): void {
  const owner = rulesFor(store, user, namespace);
  const missing = rules.flatMap(atoms).filter((a) => !owner.some((r) => covered(r, a)));
  if (missing.length === 0) return;
  throw forbiddenFor(
    RBAC_GROUP,
    resource,
    name,
    `user "${user.username}" (groups=${q(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${describeMissing(missing).join('\n')}`,
  );
}

function allowedVerb(
  store: ObjectStore,
  user: UserInfo,
  verb: 'bind' | 'escalate',
  resource: string,
  name: string,
  namespace: string,
): boolean {
  return authorize(store, user, {
    resourceRequest: true,
    verb,
    apiGroup: RBAC_GROUP,
    apiVersion: 'v1',
    resource,
    subresource: '',
    namespace,
    name,
    path: '',
  }).allowed;
}

function checkBinding(store: ObjectStore, user: UserInfo, obj: KubeObject, plural: string): void {
  const namespace = obj.metadata.namespace ?? '';
  const ref = (obj.roleRef ?? {}) as { kind: string; name: string };
  const roleResource = ref.kind === 'Role' ? 'roles' : 'clusterroles';
  if (allowedVerb(store, user, 'bind', roleResource, ref.name, namespace)) return;
  const resolved = roleRefRules(store, ref, namespace);
  if ('error' in resolved)
    throw new StatusError(404, 'NotFound', resolved.error, {
      name: ref.name,
      group: RBAC_GROUP,
      kind: ref.kind.toLowerCase(),
    });
  confirmNoEscalation(store, user, namespace, resolved.rules, plural, obj.metadata.name);
}

function checkRole(store: ObjectStore, user: UserInfo, obj: KubeObject, plural: string): void {
  const namespace = obj.metadata.namespace ?? '';
  if (allowedVerb(store, user, 'escalate', plural, obj.metadata.name, namespace)) return;
  confirmNoEscalation(store, user, namespace, (obj.rules as PolicyRule[]) ?? [], plural, obj.metadata.name);
}

/** Runs on writes made for a request; privileged users and controllers pass, as EscalationAllowed says. */
export const rbacEscalationAdmission: AdmissionPlugin = (_op, key, obj, _old, store) => {
  const user = requestUser.getStore();
  if (!user || user.groups.includes(PRIVILEGED_GROUP)) return;
  const plural = key.split('.')[0] as string;
  if (key === `rolebindings.${RBAC_GROUP}` || key === `clusterrolebindings.${RBAC_GROUP}`)
    checkBinding(store, user, obj, plural);
  if (key === `roles.${RBAC_GROUP}` || key === `clusterroles.${RBAC_GROUP}`)
    checkRole(store, user, obj, plural);
};
