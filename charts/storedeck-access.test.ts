// The RBAC chart grants exactly what the engine uses, where it uses it: CLUSTER_ACCESS in the
// cluster-wide role, STORE_ACCESS in the store role the engine binds per store namespace.
import { describe, expect, it } from 'vitest';
import { CLUSTER_ACCESS, STORE_ACCESS, STORE_ROLE, type AccessRule } from '../main/kube/required-access';
import { helm, renderChart, valuesFile } from './helm.fixture';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

const SUBJECTS = [
  { kind: 'User', name: 'ana@example.com' },
  { kind: 'Group', name: 'store-builders' },
  { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
];

/** "group/resource" → sorted verbs, merging rules that name the same resource. */
function grants(
  rules: { group: string; resource: string; verbs: readonly string[]; names?: readonly string[] }[],
): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const r of rules)
    for (const verb of r.verbs)
      (out[`${r.group}/${r.resource}${r.names?.length ? `[${r.names.join(',')}]` : ''}`] ??= new Set()).add(
        verb,
      );
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

const chartGrants = (rules: Rule[]) =>
  grants(
    rules.flatMap((r) =>
      r.apiGroups.flatMap((group) =>
        r.resources.map((resource) => ({ group, resource, verbs: r.verbs, names: r.resourceNames })),
      ),
    ),
  );
const engineGrants = (rules: readonly AccessRule[]) =>
  grants(
    rules.map((a) => ({
      group: a.group,
      resource: a.subresource ? `${a.resource}/${a.subresource}` : a.resource,
      verbs: a.verbs,
      names: a.resourceNames,
    })),
  );

describe('charts/storedeck-access', () => {
  const rendered = renderChart('storedeck-access', { subjects: SUBJECTS });
  const role = rendered.find((o) => o.kind === 'ClusterRole' && o.metadata.name === 'storedeck-user')!;
  const storeRole = rendered.find((o) => o.kind === 'ClusterRole' && o.metadata.name === STORE_ROLE)!;
  const binding = rendered.find((o) => o.kind === 'ClusterRoleBinding')!;

  it('grants cluster-wide exactly the engine’s cluster verbs, nothing more', () => {
    expect(chartGrants(role.rules as Rule[])).toEqual(engineGrants(CLUSTER_ACCESS));
    expect(JSON.stringify(role.rules)).not.toContain('*');
    // Nothing namespaced is readable cluster-wide but pods (listed to find the ingress controller).
    expect(JSON.stringify(role.rules)).not.toMatch(/secrets|configmaps/);
  });

  it('puts the store verbs in the store role, which nothing in the chart binds', () => {
    expect(chartGrants(storeRole.rules as Rule[])).toEqual(engineGrants(STORE_ACCESS));
    expect(JSON.stringify(storeRole.rules)).not.toContain('*');
    const bound = rendered
      .filter((o) => /Binding$/.test(o.kind))
      .map((o) => (o.roleRef as { name: string } | undefined)?.name);
    expect(bound).not.toContain(STORE_ROLE);
  });

  it('confines the listed users with a ValidatingAdmissionPolicy on namespaces and role bindings', () => {
    const policy = rendered.find((o) => o.kind === 'ValidatingAdmissionPolicy')!;
    const policyBinding = rendered.find((o) => o.kind === 'ValidatingAdmissionPolicyBinding')!;
    expect(policyBinding.spec).toEqual({ policyName: policy.metadata.name, validationActions: ['Deny'] });
    const spec = policy.spec as { matchConditions: Array<{ expression: string }> };
    expect(spec.matchConditions[0]?.expression).toBe(
      "request.userInfo.username in ['ana@example.com', 'system:serviceaccount:tools:ci'] || request.userInfo.groups.exists(g, g in ['store-builders'])",
    );
  });

  it('binds the role to the listed users, groups and service accounts', () => {
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'storedeck-user',
    });
    expect(binding.subjects).toEqual([
      { kind: 'User', name: 'ana@example.com', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'Group', name: 'store-builders', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
    ]);
  });

  it('refuses to render a binding for nobody', () => {
    const result = helm([
      'template',
      'release',
      'charts/storedeck-access',
      '-f',
      valuesFile({ subjects: [] }),
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set at least one entry in subjects');
  });

  it('binds and confines its own ServiceAccount when asked to create one', () => {
    const objects = renderChart('storedeck-access', { serviceAccount: { create: true, name: 'storedeck' } });
    expect(objects.find((o) => o.kind === 'ServiceAccount')?.metadata).toMatchObject({
      name: 'storedeck',
      namespace: 'default',
    });
    const subjects = objects.find((o) => o.kind === 'ClusterRoleBinding')?.subjects;
    expect(subjects).toEqual([{ kind: 'ServiceAccount', name: 'storedeck', namespace: 'default' }]);
  });

  it('passes helm lint', () => {
    const result = helm([
      'lint',
      'charts/storedeck-access',
      '-f',
      'charts/storedeck-access/ci/example-values.yaml',
    ]);
    expect(result.stdout + result.stderr).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });
});
