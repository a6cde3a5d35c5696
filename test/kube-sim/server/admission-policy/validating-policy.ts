// ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) on CREATE and UPDATE of writes made
// for a request: a binding selects its policy (optionally by namespaceSelector.matchLabels), the
// policy's matchConstraints.resourceRules pick the request, every matchCondition must hold, and a
// failing validation denies with the apiserver's wording. Expressions run on the small CEL
// evaluator in cel.ts (the subset the access chart uses). DELETE and params are not evaluated.
import { StatusError, type AdmissionPlugin, type KubeObject, type ObjectStore } from '../../types.js';
import { requestUser, type UserInfo } from '../auth/user.js';
import { celValue, CelError } from './cel.js';

const GROUP = 'admissionregistration.k8s.io';

interface ResourceRule {
  apiGroups?: string[];
  apiVersions?: string[];
  operations?: string[];
  resources?: string[];
}

const any = (list: string[] | undefined, v: string): boolean =>
  (list ?? []).some((x) => x === '*' || x === v);

function denial(
  op: { group: string; plural: string; name: string },
  policy: string,
  binding: string,
  message: string,
  reason: string,
): StatusError {
  const full = `ValidatingAdmissionPolicy '${policy}' with binding '${binding}' denied request: ${message}`;
  const resource = op.group ? `${op.plural}.${op.group}` : op.plural;
  const code =
    reason === 'Forbidden'
      ? 403
      : reason === 'Unauthorized'
        ? 401
        : reason === 'RequestEntityTooLarge'
          ? 413
          : 422;
  return new StatusError(code, reason || 'Invalid', `${resource} "${op.name}" is forbidden: ${full}`, {
    name: op.name,
    group: op.group || undefined,
    kind: op.plural,
    causes: [{ reason: '', message: full, field: '' }],
  });
}

function requestOf(
  user: UserInfo,
  operation: string,
  t: { group: string; version: string; plural: string; kind: string },
  obj: KubeObject,
) {
  return {
    operation,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? '',
    userInfo: { username: user.username, uid: user.uid ?? '', groups: user.groups },
    resource: { group: t.group, version: t.version, resource: t.plural },
    kind: { group: t.group, version: t.version, kind: t.kind },
  };
}

export const validatingPolicyAdmission: AdmissionPlugin = (op, key, obj, old, store: ObjectStore) => {
  const user = requestUser.getStore();
  if (!user) return;
  const t = store.typeOf(key);
  const bindings = store.list(`validatingadmissionpolicybindings.${GROUP}`);
  if (bindings.length === 0) return;
  const nsObject = t.namespaced
    ? (store.get('namespaces', undefined, obj.metadata.namespace ?? '') ?? null)
    : null;
  for (const binding of bindings) {
    const actions = (binding.spec?.validationActions ?? []) as string[];
    if (!actions.includes('Deny')) continue;
    const policy = store.get(
      `validatingadmissionpolicies.${GROUP}`,
      undefined,
      binding.spec?.policyName ?? '',
    );
    if (!policy) continue;
    const want = binding.spec?.matchResources?.namespaceSelector?.matchLabels as
      Record<string, string> | undefined;
    if (want && t.namespaced && !Object.entries(want).every(([k, v]) => nsObject?.metadata.labels?.[k] === v))
      continue;
    const rules = (policy.spec?.matchConstraints?.resourceRules ?? []) as ResourceRule[];
    if (
      !rules.some(
        (r) =>
          any(r.apiGroups, t.group) &&
          any(r.apiVersions, t.version) &&
          any(r.operations, op) &&
          any(r.resources, t.plural),
      )
    )
      continue;
    const failClosed = (policy.spec?.failurePolicy ?? 'Fail') === 'Fail';
    const ids = { group: t.group, plural: t.plural, name: obj.metadata.name };
    const env: Record<string, unknown> = {
      object: obj,
      oldObject: op === 'UPDATE' ? (old ?? null) : null,
      request: requestOf(user, op, t, obj),
      namespaceObject: nsObject,
      params: null,
    };
    const variables: Record<string, unknown> = {};
    env.variables = variables;
    try {
      for (const v of (policy.spec?.variables ?? []) as Array<{ name: string; expression: string }>)
        variables[v.name] = celValue(v.expression, env);
      const conditions = (policy.spec?.matchConditions ?? []) as Array<{ expression: string }>;
      if (!conditions.every((c) => celValue(c.expression, env) === true)) continue;
    } catch (e) {
      if (!(e instanceof CelError) || !failClosed) continue;
      throw denial(
        ids,
        policy.metadata.name,
        binding.metadata.name,
        `expression resulted in error: ${e.message}`,
        'Invalid',
      );
    }
    for (const v of (policy.spec?.validations ?? []) as Array<{
      expression: string;
      message?: string;
      reason?: string;
    }>) {
      let ok: boolean;
      try {
        ok = celValue(v.expression, env) === true;
      } catch (e) {
        if (!(e instanceof CelError)) throw e;
        if (!failClosed) continue;
        throw denial(
          ids,
          policy.metadata.name,
          binding.metadata.name,
          `expression '${v.expression}' resulted in error: ${e.message}`,
          'Invalid',
        );
      }
      if (!ok)
        throw denial(
          ids,
          policy.metadata.name,
          binding.metadata.name,
          v.message ?? `failed expression: ${v.expression}`,
          v.reason ?? 'Invalid',
        );
    }
  }
};
