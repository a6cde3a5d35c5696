import { describe, expect, it } from 'vitest';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
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
import type { KubeObject } from '../../../kube/kube-object';
import { LABEL } from '../../model/labels';
import { testContext } from '../woocommerce/test-context.fixture';
import { MEDUSA_NAMES, SERVER_PATHS } from './medusa-facts';
import { medusaStrategy as s } from './medusa.strategy';
import { TEMPLATE_FILES } from './template-files.generated';
import { templateKey } from './template-config-map';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/ConfigMap': ConfigMap,
  'v1/ResourceQuota': ResourceQuota,
  'v1/LimitRange': LimitRange,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

const ctx = testContext({
  ingressController: 'traefik',
  ingressClassName: 'traefik',
  ingressControllerNamespace: 'kube-system',
});
const all = (): KubeObject[] => [
  ...s.resources(ctx),
  ...s.secrets(ctx, s.newSecrets(ctx)),
  s.setupJob(ctx, 'node-a'),
  s.passwordResetJob(ctx, 'node-a', 'admin-password-reset-x1y2z'),
];
const podSpecs = (objects: KubeObject[]) =>
  objects.flatMap((o) => {
    const spec = (o.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template?.spec;
    return spec ? [[`${o.kind}/${o.metadata.name}`, spec] as const] : [];
  });
type Container = {
  name: string;
  env?: { name: string; value?: string }[];
  securityContext?: Record<string, unknown>;
};

describe('the MedusaJS strategy', () => {
  it('declares every object of a store, Namespace first', () => {
    expect(s.resources(ctx).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/store-corner-shop',
      'ResourceQuota/store-quota',
      'LimitRange/store-limits',
      'NetworkPolicy/store-isolation',
      'ConfigMap/medusa-template',
      'PersistentVolumeClaim/postgres-data',
      'StatefulSet/postgres',
      'Service/postgres',
      'Deployment/redis',
      'Service/redis',
      'PersistentVolumeClaim/medusa-app',
      'Deployment/medusa-server',
      'Service/medusa-server',
      'Deployment/storefront',
      'Service/storefront',
      'Ingress/medusa-ingress',
    ]);
  });

  it.each(all().map((o) => [`${o.kind}/${o.metadata.name}`, o] as const))(
    '%s validates against the Kubernetes schema',
    (_n, o) => {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      if (!Model) throw new Error(`no schema model for ${o.apiVersion}/${o.kind}`);
      expect(() => new Model(o as never).validate()).not.toThrow();
    },
  );

  it('labels every object as this store, plan medusa', () => {
    for (const o of all()) {
      expect(o.metadata.labels?.[LABEL.storeId]).toBe(ctx.id);
      expect(o.metadata.labels?.[LABEL.plan]).toBe('medusa');
      expect(o.metadata.labels?.[LABEL.managedBy]).toBe('storedeck');
      if (o.kind !== 'Namespace') expect(o.metadata.namespace).toBe(ctx.namespace);
    }
  });

  it('runs every container as a non-root user without capabilities (Pod Security restricted)', () => {
    for (const [, spec] of podSpecs(all())) {
      expect(spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(spec.automountServiceAccountToken).toBe(false);
      const containers = [
        ...((spec.initContainers as Container[]) ?? []),
        ...(spec.containers as Container[]),
      ];
      for (const c of containers)
        expect(c.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
    }
  });

  it('keeps every secret value out of the pod specs (secretKeyRef only)', () => {
    const material = s.newSecrets(ctx);
    const values = Object.values(material).flatMap((m) => Object.values(m));
    const text = JSON.stringify([...s.resources(ctx), s.setupJob(ctx, null)]);
    for (const value of values) expect(text).not.toContain(value);
    expect(values).toHaveLength(4);
  });

  it('ships the template in the ConfigMap, laid out at its paths by the volumes', () => {
    const cm = s.resources(ctx).find((o) => o.kind === 'ConfigMap') as KubeObject & {
      data: Record<string, string>;
    };
    expect(Object.keys(cm.data).sort()).toEqual(Object.keys(TEMPLATE_FILES).map(templateKey).sort());
    expect(Object.keys(TEMPLATE_FILES)).toEqual(
      expect.arrayContaining([
        'package-lock.json',
        'medusa-config.ts',
        'src/scripts/setup-store.ts',
        'storefront/server.mjs',
        'bin/install.sh',
      ]),
    );
    expect(JSON.stringify(cm).length).toBeLessThan(1024 * 1024);
  });

  it('routes the server paths to the server and the rest to the storefront, on the store host', () => {
    const ingress = s.resources(ctx).find((o) => o.kind === 'Ingress') as KubeObject & {
      spec: {
        ingressClassName: string;
        rules: {
          host: string;
          http: { paths: { path: string; backend: { service: { name: string } } }[] };
        }[];
      };
    };
    expect(ingress.spec.ingressClassName).toBe('traefik');
    const [rule] = ingress.spec.rules;
    expect(rule?.host).toBe(ctx.host);
    const routes = (rule?.http.paths ?? []).map((p) => [p.path, p.backend.service.name]);
    expect(routes).toEqual([
      ...SERVER_PATHS.map((p) => [p, MEDUSA_NAMES.server]),
      ['/', MEDUSA_NAMES.storefront],
    ]);
    expect(s.urls(ctx)).toEqual({
      url: 'http://corner-shop.localhost/',
      adminUrl: 'http://corner-shop.localhost/app',
    });
  });

  it('pins the jobs next to the server pod (its ReadWriteOnce app volume) and checks out at the end of setup', () => {
    const job = s.setupJob(ctx, 'node-a') as KubeObject & {
      spec: { template: { spec: Record<string, unknown> } };
    };
    expect(JSON.stringify(job.spec.template.spec.affinity)).toContain('node-a');
    const [container] = job.spec.template.spec.containers as (Container & { command: string[] })[];
    expect(container?.command.join(' ')).toMatch(/setup\.sh .*&& node .*verify-checkout\.mjs/);
    expect(container?.env?.find((e) => e.name === 'ADMIN_EMAIL')?.value).toBe(ctx.adminEmail);
    expect(s.setupJob(ctx, null)).not.toHaveProperty('spec.template.spec.affinity');
  });

  it('admits ingress only from the controller namespace and the store itself', () => {
    const policy = s.resources(ctx).find((o) => o.kind === 'NetworkPolicy');
    expect(JSON.stringify(policy)).toContain('"kubernetes.io/metadata.name":"kube-system"');
  });
});
