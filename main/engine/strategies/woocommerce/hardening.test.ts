// The workload hardening a store gets (issue 7), fact by fact: PHP ini, MySQL startup probe,
// WordPress reaching its own URL, no API token, non-root users, the egress policy.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../kube/kube-object';
import { INGRESS_BODY_SIZE, MYSQL_UID, WWW_DATA_UID } from './woocommerce-facts';
import { PHP_INI, PHP_INI_PATH, PHP_INI_SHA256 } from './php-config';
import { at, selects, testContext } from './test-context.fixture';
import { woocommerceStrategy as s } from './woocommerce.strategy';

const ctx = testContext({ ingressController: 'nginx' });
const resources = s.resources(ctx);
const [mysqlPod, wordpressPod, setupPod, resetPod] = [
  ['mysql', resources.find((o) => o.kind === 'Deployment' && o.metadata.name === 'mysql')!],
  ['wordpress', resources.find((o) => o.kind === 'Deployment' && o.metadata.name === 'wordpress')!],
  ['setup', s.setupJob(ctx, 'node-1')],
  ['password reset', s.passwordResetJob(ctx, 'node-1', 'admin-password-reset-abcde')],
] as Array<[string, KubeObject]> as [
  [string, KubeObject],
  [string, KubeObject],
  [string, KubeObject],
  [string, KubeObject],
];
const pods = [mysqlPod, wordpressPod, setupPod, resetPod];
const podSpec = (o: KubeObject) => at(o, 'spec.template.spec') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const byName = (kind: string, name: string) =>
  resources.find((o) => o.kind === kind && o.metadata.name === name) as KubeObject;

describe('PHP settings', () => {
  it('raise memory to 256M and allow uploads exactly as large as the ingress body size', () => {
    expect(PHP_INI).toContain('memory_limit = 256M');
    const size = INGRESS_BODY_SIZE.replace(/m$/, 'M');
    expect(PHP_INI).toContain(`upload_max_filesize = ${size}`);
    expect(PHP_INI).toContain(`post_max_size = ${size}`);
    expect(at(byName('ConfigMap', 'php-config'), 'data')).toEqual({ 'storedeck.ini': PHP_INI });
    expect(at(byName('Ingress', 'wordpress-ingress'), 'metadata.annotations')).toEqual({
      'nginx.ingress.kubernetes.io/proxy-body-size': INGRESS_BODY_SIZE,
    });
  });

  it.each(pods.filter(([name]) => name !== 'mysql'))(
    'reach %s as one file in the image conf.d (the image’s own ini files stay)',
    (_name, object) => {
      const spec = podSpec(object);
      expect(spec.containers[0].volumeMounts).toContainEqual({
        name: 'php-ini',
        mountPath: PHP_INI_PATH,
        subPath: 'storedeck.ini',
        readOnly: true,
      });
      expect(spec.volumes).toContainEqual({ name: 'php-ini', configMap: { name: 'php-config' } });
    },
  );

  it('roll the WordPress pod when they change (a subPath mount never updates)', () => {
    expect(at(byName('Deployment', 'wordpress'), 'spec.template.metadata.annotations')).toEqual({
      'storedeck.dev/php-ini-sha256': PHP_INI_SHA256,
    });
  });
});

describe('MySQL first start', () => {
  it('has a startup probe of 10 minutes over TCP, so liveness never restarts the initialisation', () => {
    const container = podSpec(byName('Deployment', 'mysql')).containers[0];
    const { startupProbe, readinessProbe, livenessProbe } = container;
    expect(startupProbe.periodSeconds * startupProbe.failureThreshold).toBe(600);
    expect(startupProbe.exec).toEqual(readinessProbe.exec);
    expect(startupProbe.exec.command.join(' ')).toContain('-h 127.0.0.1');
    expect(livenessProbe.initialDelaySeconds).toBeUndefined();
  });
});

describe('WordPress reaching its own URL', () => {
  it('resolves the store host to its own Apache', () => {
    expect(podSpec(byName('Deployment', 'wordpress')).hostAliases).toEqual([
      { ip: '127.0.0.1', hostnames: ['corner-shop.localhost'] },
    ]);
  });
});

describe('pod security', () => {
  it.each(pods)(
    '%s mounts no API token, runs non-root under RuntimeDefault seccomp with no capabilities',
    (_n, o) => {
      const spec = podSpec(o);
      expect(spec.automountServiceAccountToken).toBe(false);
      expect(spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of spec.containers)
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
    },
  );

  it('runs each image as its own user: mysql 999, www-data 33 for Apache and WP-CLI', () => {
    expect(podSpec(mysqlPod[1]).securityContext.runAsUser).toBe(MYSQL_UID);
    for (const [, o] of [wordpressPod, setupPod, resetPod])
      expect(podSpec(o).securityContext.runAsUser).toBe(WWW_DATA_UID);
    // Apache binds port 80 as www-data through the pod's own network namespace, not a capability.
    expect(podSpec(wordpressPod[1]).securityContext.sysctls).toEqual([
      { name: 'net.ipv4.ip_unprivileged_port_start', value: '80' },
    ]);
  });

  it('labels the namespace: enforce baseline, warn and audit restricted', () => {
    expect(resources[0]?.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
  });
});

describe('egress', () => {
  it('allows every store pod DNS in kube-system and the store’s own pods, nothing else', () => {
    expect(at(byName('NetworkPolicy', 'store-isolation'), 'spec.egress')).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
      { to: [{ podSelector: {} }] },
    ]);
  });

  it('opens the internet (HTTP/HTTPS) to the WP-CLI pods that install from wordpress.org only', () => {
    const policy = byName('NetworkPolicy', 'setup-egress');
    const selector = at(policy, 'spec.podSelector') as Parameters<typeof selects>[0];
    const labelsOf = (o: KubeObject, path: string) => at(o, path) as Record<string, string>;
    expect(selects(selector, labelsOf(s.setupJob(ctx, null), 'spec.template.metadata.labels'))).toBe(true);
    // The WP-CLI console: `wp plugin install` downloads too.
    const consolePod = s.wpCli?.pod(ctx, null) as KubeObject;
    expect(selects(selector, labelsOf(consolePod, 'metadata.labels'))).toBe(true);
    for (const [, pod] of [resetPod, mysqlPod, wordpressPod] as const)
      expect(selects(selector, labelsOf(pod, 'spec.template.metadata.labels'))).toBe(false);
    expect(at(policy, 'spec.policyTypes')).toEqual(['Egress']);
    expect(at(policy, 'spec.egress')).toEqual([
      {
        to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
        ports: [
          { protocol: 'TCP', port: 443 },
          { protocol: 'TCP', port: 80 },
        ],
      },
    ]);
  });

  it('admits any pod of the controller namespace only when the controller labels are unknown', () => {
    const policy = s
      .resources(testContext({ ingressControllerPodLabels: null }))
      .find((o) => o.metadata.name === 'store-isolation');
    expect(at(policy, 'spec.ingress.0.from.0.podSelector')).toEqual({ matchLabels: {} });
  });
});
