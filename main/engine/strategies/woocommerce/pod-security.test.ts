// Issue 7 acceptance: every pod a WooCommerce store runs passes the Pod Security Standards at
// restricted (so also baseline, which the namespace enforces), judged by the published rules
// (test/pod-security/pss-evaluator.ts), for each cluster shape the builders know.
import { describe, expect, it } from 'vitest';
import { evaluatePodSpec, podTemplateOf } from '../../../../test/pod-security/pss-evaluator';
import type { KubeObject } from '../../../kube/kube-object';
import { testContext } from './test-context.fixture';
import { woocommerceStrategy as s } from './woocommerce.strategy';

const CONTEXTS = [
  ['kind + ingress-nginx, one node', testContext()],
  [
    'k3s + traefik with a registry',
    testContext({
      ingressController: 'traefik',
      ingressControllerNamespace: 'kube-system',
      ingressControllerPodLabels: { 'app.kubernetes.io/name': 'traefik' },
      imageRegistry: 'registry.local:5000',
      storageClassName: 'local-path',
    }),
  ],
] as const;

function podsOf(ctx: (typeof CONTEXTS)[number][1]): Array<[string, KubeObject]> {
  const objects = [
    ...s.resources(ctx),
    s.setupJob(ctx, 'node-1'),
    s.setupJob(ctx, null),
    s.passwordResetJob(ctx, 'node-1', 'admin-password-reset-x1y2z'),
  ];
  return objects.filter((o) => podTemplateOf(o)).map((o) => [`${o.kind}/${o.metadata.name}`, o]);
}

describe.each(CONTEXTS)('Pod Security Standards: %s', (_label, ctx) => {
  const pods = podsOf(ctx);

  it('builds the MySQL, WordPress, setup and password-reset pods', () => {
    expect(pods.map(([name]) => name)).toEqual([
      'Deployment/mysql',
      'Deployment/wordpress',
      'Job/woocommerce-setup',
      'Job/woocommerce-setup',
      'Job/admin-password-reset-x1y2z',
    ]);
  });

  it.each(pods)('%s passes restricted (and so baseline)', (_name, object) => {
    const pod = podTemplateOf(object)!;
    expect(evaluatePodSpec(pod.spec, 'restricted', pod.annotations)).toEqual([]);
    expect(evaluatePodSpec(pod.spec, 'baseline', pod.annotations)).toEqual([]);
  });
});

describe('the namespace enforces what the pods meet', () => {
  it('enforces baseline and warns/audits restricted', () => {
    const labels = s.resources(testContext())[0]?.metadata.labels ?? {};
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
    expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
    expect(labels['pod-security.kubernetes.io/audit']).toBe('restricted');
  });
});
