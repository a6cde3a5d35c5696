// Every object the builders make, checked against the official Kubernetes OpenAPI schemas.
import { describe, expect, it } from 'vitest';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { testContext } from './test-context.fixture';
import { woocommerceStrategy as s } from './woocommerce.strategy';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/ConfigMap': ConfigMap,
  'v1/ResourceQuota': ResourceQuota,
  'v1/LimitRange': LimitRange,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

function validate(object: KubeObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema model for ${object.apiVersion}/${object.kind}`);
  new Model(object as never).validate();
}

const objectsFor = (ctx: StoreContext): KubeObject[] => [
  ...s.resources(ctx),
  ...s.secrets(ctx, s.newSecrets(ctx)),
  s.setupJob(ctx, 'kind-control-plane'),
  s.passwordResetJob(ctx, 'kind-control-plane', 'admin-password-reset-7f3k2'),
];

const CONTEXTS: [string, StoreContext][] = [
  ['kind + ingress-nginx', testContext()],
  [
    'k3s + traefik, registry, storage class, no node known',
    testContext({
      ingressController: 'traefik',
      ingressClassName: 'traefik',
      ingressControllerNamespace: 'kube-system',
      storageClassName: 'local-path',
      imageRegistry: 'registry.local:5000',
      host: 'corner-shop.stores.example.com',
    }),
  ],
];

describe('builders validate against the official schemas (kubernetes-models)', () => {
  for (const [label, ctx] of CONTEXTS) {
    it.each(objectsFor(ctx).map((o) => [`${o.kind}/${o.metadata.name}`, o] as const))(
      `${label}: %s`,
      (_name, object) => {
        expect(() => validate(object)).not.toThrow();
      },
    );
  }

  it('catches a malformed object (the check is real)', () => {
    const deployment = s.resources(testContext()).find((o) => o.kind === 'Deployment')!;
    const broken = structuredClone(deployment) as KubeObject & { spec: { replicas: unknown } };
    broken.spec.replicas = 'one';
    expect(() => validate(broken)).toThrow(/replicas/);
  });
});
