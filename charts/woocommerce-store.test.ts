// The reference chart renders the same 16 objects as the engine's builders: same kinds, names,
// labels and specs (Secret values are random, so only their keys and given passwords compare).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../main/kube/kube-object';
import type { StoreContext } from '../main/engine/strategies/strategy';
import { PHP_INI } from '../main/engine/strategies/woocommerce/php-config';
import { SETUP_SCRIPT } from '../main/engine/strategies/woocommerce/setup-script';
import { testContext } from '../main/engine/strategies/woocommerce/test-context.fixture';
import { woocommerceStrategy as s } from '../main/engine/strategies/woocommerce/woocommerce.strategy';
import { SECRET_KEYS } from '../main/engine/strategies/woocommerce/woocommerce-facts';
import { REPO, helm, renderChart, valuesFile, type Rendered } from './helm.fixture';

const NODE = 'kind-worker2';

function valuesFor(ctx: StoreContext, material: Record<string, Record<string, string>>): unknown {
  return {
    store: { id: ctx.id, name: ctx.name, slug: ctx.slug, adminEmail: ctx.adminEmail, host: ctx.host },
    ingress: {
      className: ctx.ingressClassName ?? '',
      controller: ctx.ingressController,
      controllerNamespace: ctx.ingressControllerNamespace,
      controllerPodLabels: ctx.ingressControllerPodLabels ?? {},
    },
    storageClassName: ctx.storageClassName ?? '',
    imageRegistry: ctx.imageRegistry ?? '',
    secrets: {
      mysqlRootPassword: material['mysql-credentials']?.[SECRET_KEYS.mysqlRootPassword],
      mysqlPassword: material['mysql-credentials']?.[SECRET_KEYS.mysqlPassword],
      adminPassword: material['wordpress-secrets']?.[SECRET_KEYS.adminPassword],
    },
    setup: { nodeName: NODE },
  };
}

const key = (o: { kind: string; metadata: { name: string } }) => `${o.kind}/${o.metadata.name}`;
const decoded = (o: KubeObject | Rendered) =>
  Object.fromEntries(
    Object.entries((o.data ?? {}) as Record<string, string>).map(([k, v]) => [
      k,
      Buffer.from(v, 'base64').toString(),
    ]),
  );

const CONTEXTS: [string, StoreContext][] = [
  ['kind + ingress-nginx', testContext()],
  [
    'k3s + traefik with a registry and a storage class',
    testContext({
      name: 'Épicerie “Chez Zoé”',
      slug: 'epicerie-chez-zoe',
      namespace: 'store-epicerie-chez-zoe',
      host: 'epicerie-chez-zoe.stores.example.com',
      ingressController: 'traefik',
      ingressClassName: 'traefik',
      ingressControllerNamespace: 'kube-system',
      ingressControllerPodLabels: { 'app.kubernetes.io/name': 'traefik' },
      storageClassName: 'local-path',
      imageRegistry: 'registry.local:5000',
    }),
  ],
  ['no IngressClass, other controller', testContext({ ingressClassName: null, ingressController: 'other' })],
];

describe('charts/woocommerce-store matches the builders', () => {
  it.each(CONTEXTS)('%s', (_label, ctx) => {
    const material = s.newSecrets(ctx);
    const built = [...s.resources(ctx), ...s.secrets(ctx, material), s.setupJob(ctx, NODE)];
    const rendered = renderChart('woocommerce-store', valuesFor(ctx, material));
    expect(rendered.map(key).sort()).toEqual(built.map(key).sort());
    expect(rendered).toHaveLength(16);

    const byKey = new Map(rendered.map((o) => [key(o), o]));
    for (const object of built) {
      const twin = byKey.get(key(object))!;
      if (object.kind === 'Secret') {
        const { data: _builtData, ...builtRest } = object;
        const { data: _renderedData, ...renderedRest } = twin;
        expect(renderedRest, key(object)).toEqual(builtRest);
        const mine = decoded(object);
        const theirs = decoded(twin);
        expect(Object.keys(theirs).sort(), key(object)).toEqual(Object.keys(mine).sort());
        for (const passwordKey of Object.values(SECRET_KEYS)) {
          if (passwordKey in mine) expect(theirs[passwordKey]).toBe(mine[passwordKey]);
        }
      } else {
        expect(twin, key(object)).toEqual(object);
      }
    }
  });

  it('leaves the setup job unpinned when no node is given', () => {
    const ctx = testContext();
    const values = valuesFor(ctx, s.newSecrets(ctx)) as { setup: { nodeName: string } };
    values.setup.nodeName = '';
    const job = renderChart('woocommerce-store', values).find((o) => o.kind === 'Job')!;
    expect(job).toEqual(s.setupJob(ctx, null));
  });

  it('ships the engine setup script verbatim', () => {
    const file = readFileSync(join(REPO, 'charts/woocommerce-store/files/setup.sh'), 'utf8');
    expect(file, 'copy SETUP_SCRIPT (setup-script.ts) into charts/woocommerce-store/files/setup.sh').toBe(
      SETUP_SCRIPT,
    );
  });

  it('ships the engine PHP ini verbatim', () => {
    const file = readFileSync(join(REPO, 'charts/woocommerce-store/files/php.ini'), 'utf8');
    expect(file, 'copy PHP_INI (php-config.ts) into charts/woocommerce-store/files/php.ini').toBe(PHP_INI);
  });

  it('generates the secrets a user does not give', () => {
    const rendered = renderChart('woocommerce-store', valuesFor(testContext(), {}));
    const wp = decoded(rendered.find((o) => key(o) === 'Secret/wordpress-secrets')!);
    expect(wp[SECRET_KEYS.adminPassword]).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(wp['nonce-salt']).toMatch(/^[A-Za-z0-9]{64}$/);
  });

  it('refuses to render without the store identity', () => {
    const result = helm([
      'template',
      'release',
      'charts/woocommerce-store',
      '-f',
      valuesFile({ store: { id: 'x' } }),
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('store.slug is required');
  });

  it('passes helm lint with the example values', () => {
    const result = helm([
      'lint',
      'charts/woocommerce-store',
      '-f',
      'charts/woocommerce-store/ci/kind-values.yaml',
    ]);
    expect(result.stdout + result.stderr).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });
});
