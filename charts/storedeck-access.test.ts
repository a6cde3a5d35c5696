// The RBAC chart grants exactly what the engine uses (REQUIRED_ACCESS, which preflight also
// checks) plus SelfSubjectAccessReview create, which preflight needs to ask those questions.
import { describe, expect, it } from 'vitest';
import { REQUIRED_ACCESS } from '../main/kube/required-access';
import { helm, renderChart, valuesFile } from './helm.fixture';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const SUBJECTS = [
  { kind: 'User', name: 'ana@example.com' },
  { kind: 'Group', name: 'store-builders' },
  { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
];

/** "group/resource" → sorted verbs, merging rules that name the same resource. */
function grants(
  rules: { group: string; resource: string; verbs: readonly string[] }[],
): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const r of rules)
    for (const verb of r.verbs) (out[`${r.group}/${r.resource}`] ??= new Set()).add(verb);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

describe('charts/storedeck-access', () => {
  const rendered = renderChart('storedeck-access', { subjects: SUBJECTS });
  const role = rendered.find((o) => o.kind === 'ClusterRole')!;
  const binding = rendered.find((o) => o.kind === 'ClusterRoleBinding')!;

  it('grants exactly the engine verbs, nothing more', () => {
    const chartRules = (role.rules as Rule[]).flatMap((r) =>
      r.apiGroups.flatMap((group) => r.resources.map((resource) => ({ group, resource, verbs: r.verbs }))),
    );
    const engine = REQUIRED_ACCESS.map((a) => ({
      group: a.group,
      resource: a.subresource ? `${a.resource}/${a.subresource}` : a.resource,
      verbs: a.verbs,
    }));
    const preflight = {
      group: 'authorization.k8s.io',
      resource: 'selfsubjectaccessreviews',
      verbs: ['create'],
    };
    expect(grants(chartRules)).toEqual(grants([...engine, preflight]));
    expect(JSON.stringify(role.rules)).not.toContain('*');
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
