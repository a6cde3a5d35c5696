import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../kube/kube-object';
import { LABEL, MANAGED_BY } from '../../model/labels';
import { IMAGES, SECRET_KEYS, WP_SALT_KEYS } from './woocommerce-facts';
import { at, testContext } from './test-context.fixture';
import { woocommerceStrategy as s } from './woocommerce.strategy';

const ctx = testContext();
const material = s.newSecrets(ctx);
const all = (): KubeObject[] => [
  ...s.resources(ctx),
  ...s.secrets(ctx, material),
  s.setupJob(ctx, 'kind-worker'),
];
const find = (objects: KubeObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} missing`);
  return found;
};
const decode = (secret: KubeObject, key: string) =>
  Buffer.from(String(at(secret, `data.${key}`)), 'base64').toString('utf8');

describe('woocommerce strategy: the 16 objects', () => {
  it("builds exactly the 16 objects (the spec's 14, the PHP ini and the setup egress policy), in store-<slug>, each labelled", () => {
    const objects = all();
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'Namespace/store-corner-shop',
        'Secret/mysql-credentials',
        'Secret/wordpress-secrets',
        'ResourceQuota/store-quota',
        'LimitRange/store-limits',
        'PersistentVolumeClaim/mysql-data',
        'PersistentVolumeClaim/wordpress-data',
        'Deployment/mysql',
        'Service/mysql',
        'Deployment/wordpress',
        'Service/wordpress',
        'Job/woocommerce-setup',
        'Ingress/wordpress-ingress',
        'NetworkPolicy/store-isolation',
        'NetworkPolicy/setup-egress',
        'ConfigMap/php-config',
      ].sort(),
    );
    for (const o of objects) {
      expect(o.metadata.labels?.[LABEL.managedBy]).toBe(MANAGED_BY);
      expect(o.metadata.labels?.[LABEL.storeId]).toBe(ctx.id);
      if (o.kind !== 'Namespace') expect(o.metadata.namespace).toBe('store-corner-shop');
    }
    expect(s.resources(ctx)[0]?.kind).toBe('Namespace');
  });

  it('puts the store name and plan on the namespace', () => {
    const ns = find(all(), 'Namespace', 'store-corner-shop');
    expect(ns.metadata.annotations).toEqual({ 'storedeck.dev/store-name': 'Corner Shop' });
    expect(ns.metadata.labels?.[LABEL.plan]).toBe('woocommerce');
  });

  it('generates fresh random secrets every time, with all 8 salts and the admin password', () => {
    const other = s.newSecrets(ctx);
    const wp = find(all(), 'Secret', 'wordpress-secrets');
    expect(Object.keys(wp.data as object).sort()).toEqual(
      [SECRET_KEYS.adminPassword, ...WP_SALT_KEYS.map(([k]) => k)].sort(),
    );
    expect(decode(wp, SECRET_KEYS.adminPassword)).toHaveLength(32);
    expect(decode(wp, 'auth-key')).toHaveLength(64);
    expect(other['wordpress-secrets']?.[SECRET_KEYS.adminPassword]).not.toBe(
      decode(wp, SECRET_KEYS.adminPassword),
    );
    const db = find(all(), 'Secret', 'mysql-credentials');
    expect(decode(db, SECRET_KEYS.mysqlRootPassword)).not.toBe(decode(db, SECRET_KEYS.mysqlPassword));
  });

  it('refuses to shape a Secret from incomplete material', () => {
    expect(() => s.secrets(ctx, { 'mysql-credentials': { 'mysql-password': 'x' } })).toThrow(
      /mysql-root-password/,
    );
  });

  it('never writes a password into a pod spec: only secretKeyRefs', () => {
    const text = JSON.stringify([
      ...s.resources(ctx),
      s.setupJob(ctx, null),
      s.passwordResetJob(ctx, null, 'admin-password-reset-1'),
    ]);
    for (const values of Object.values(material))
      for (const value of Object.values(values)) expect(text).not.toContain(value);
  });

  it('pins images and honours a registry prefix', () => {
    const mysql = find(
      s.resources(testContext({ imageRegistry: 'registry.local:5000/' })),
      'Deployment',
      'mysql',
    );
    expect(at(mysql, 'spec.template.spec.containers.0.image')).toBe(`registry.local:5000/${IMAGES.mysql}`);
    for (const image of Object.values(IMAGES)) expect(image).toMatch(/:\d+\.\d+\.\d+|cli-\d+\.\d+\.\d+/);
  });

  it('pins the setup job to the WordPress node through the scheduler, and not when unknown', () => {
    const job = s.setupJob(ctx, 'kind-worker2');
    expect(
      at(
        job,
        'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
      ),
    ).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kind-worker2'] }] }]);
    expect(at(s.setupJob(ctx, null), 'spec.template.spec.affinity')).toBeUndefined();
    expect(at(job, 'spec.template.spec.securityContext')).toMatchObject({
      runAsUser: 33,
      runAsGroup: 33,
      fsGroup: 33,
    });
    expect(job.spec).toMatchObject({ backoffLimit: 3, ttlSecondsAfterFinished: 300 });
  });

  it('uses the storage class from settings, else leaves it to the cluster default', () => {
    const withClass = find(
      s.resources(testContext({ storageClassName: 'fast' })),
      'PersistentVolumeClaim',
      'mysql-data',
    );
    expect(at(withClass, 'spec.storageClassName')).toBe('fast');
    expect(find(s.resources(ctx), 'PersistentVolumeClaim', 'mysql-data').spec).not.toHaveProperty(
      'storageClassName',
    );
  });

  it('sets the body size only where the controller reads it', () => {
    expect(find(s.resources(ctx), 'Ingress', 'wordpress-ingress').metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/proxy-body-size': '50m',
    });
    const traefik = find(
      s.resources(testContext({ ingressController: 'traefik', ingressClassName: 'traefik' })),
      'Ingress',
      'wordpress-ingress',
    );
    expect(traefik.metadata.annotations).toBeUndefined();
    expect(at(traefik, 'spec.ingressClassName')).toBe('traefik');
    const noClass = find(
      s.resources(testContext({ ingressClassName: null, ingressController: 'other' })),
      'Ingress',
      'wordpress-ingress',
    );
    expect(noClass.spec).not.toHaveProperty('ingressClassName');
  });

  it('admits only the ingress controller pods it detected, on port 80, and the store itself', () => {
    const policy = find(
      s.resources(
        testContext({
          ingressControllerNamespace: 'kube-system',
          ingressControllerPodLabels: { 'app.kubernetes.io/name': 'traefik' },
        }),
      ),
      'NetworkPolicy',
      'store-isolation',
    );
    expect(policy.spec).toMatchObject({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 80 }],
        },
        { from: [{ podSelector: {} }] },
      ],
    });
  });

  it('gives the store URLs and the admin credentials location', () => {
    expect(s.urls(ctx)).toEqual({
      url: 'http://corner-shop.localhost/',
      adminUrl: 'http://corner-shop.localhost/wp-admin/',
    });
    // Off port 80 the port is in every URL and in WordPress's own (WP_URL → home/siteurl).
    const onPort = testContext({ origin: 'http://corner-shop.localhost:8080' });
    expect(s.urls(onPort)).toEqual({
      url: 'http://corner-shop.localhost:8080/',
      adminUrl: 'http://corner-shop.localhost:8080/wp-admin/',
    });
    const setupEnv = at(s.setupJob(onPort, null), 'spec.template.spec.containers.0.env') as Array<{
      name: string;
      value?: string;
    }>;
    expect(setupEnv.find((e) => e.name === 'WP_URL')?.value).toBe('http://corner-shop.localhost:8080');
    expect(s.adminCredentials).toEqual({
      user: 'admin',
      secretName: 'wordpress-secrets',
      passwordKey: 'admin-password',
    });
    expect(s.awaitedDeployments).toEqual(['mysql', 'wordpress']);
  });

  it('builds a password-reset job under the given name, reading the password from the Secret', () => {
    const job = s.passwordResetJob(ctx, 'kind-worker', 'admin-password-reset-abc12');
    expect(job.metadata.name).toBe('admin-password-reset-abc12');
    const env = at(job, 'spec.template.spec.containers.0.env') as { name: string; valueFrom?: unknown }[];
    expect(env.find((e) => e.name === 'WP_ADMIN_PASSWORD')?.valueFrom).toEqual({
      secretKeyRef: { name: 'wordpress-secrets', key: 'admin-password' },
    });
  });
});
