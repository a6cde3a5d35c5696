// The MedusaJS reference chart renders the same objects as the engine's builders: same kinds,
// names, labels and specs — the template ConfigMap, its hash on the pod templates and the
// volume items included (files/app is the engine's template). Secret values are random, so
// only their keys and the given values compare.
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../main/kube/kube-object';
import type { SecretMaterial, StoreContext } from '../main/engine/strategies/strategy';
import { MEDUSA_NAMES, MEDUSA_SECRET_KEYS } from '../main/engine/strategies/medusa/medusa-facts';
import { medusaStrategy as s } from '../main/engine/strategies/medusa/medusa.strategy';
import { testContext } from '../main/engine/strategies/woocommerce/test-context.fixture';
import { REPO, helm, renderChart, valuesFile, type Rendered } from './helm.fixture';

const NODE = 'kind-worker2';
const CHART = 'medusa-store';

function valuesFor(ctx: StoreContext, material: SecretMaterial): Record<string, unknown> {
  const app = material[MEDUSA_NAMES.appSecret] ?? {};
  return {
    store: {
      id: ctx.id,
      name: ctx.name,
      slug: ctx.slug,
      adminEmail: ctx.adminEmail,
      host: ctx.host,
      url: ctx.origin,
    },
    ingress: { className: ctx.ingressClassName ?? '', controllerNamespace: ctx.ingressControllerNamespace },
    storageClassName: ctx.storageClassName ?? '',
    imageRegistry: ctx.imageRegistry ?? '',
    secrets: {
      postgresPassword: material[MEDUSA_NAMES.databaseSecret]?.[MEDUSA_SECRET_KEYS.postgresPassword] ?? '',
      jwtSecret: app[MEDUSA_SECRET_KEYS.jwtSecret] ?? '',
      cookieSecret: app[MEDUSA_SECRET_KEYS.cookieSecret] ?? '',
      adminPassword: app[MEDUSA_SECRET_KEYS.adminPassword] ?? '',
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
    'k3s + traefik on port 8080, with a registry and a storage class',
    testContext({
      name: 'Épicerie “Chez Zoé”',
      slug: 'epicerie-chez-zoe',
      namespace: 'store-epicerie-chez-zoe',
      host: 'epicerie-chez-zoe.stores.example.com',
      origin: 'http://epicerie-chez-zoe.stores.example.com:8080',
      ingressController: 'traefik',
      ingressClassName: 'traefik',
      ingressControllerNamespace: 'kube-system',
      storageClassName: 'local-path',
      imageRegistry: 'registry.local:5000/',
    }),
  ],
  ['no IngressClass', testContext({ ingressClassName: null, ingressController: 'other' })],
];

describe('charts/medusa-store matches the builders', () => {
  it.each(CONTEXTS)('%s', (_label, ctx) => {
    const material = s.newSecrets(ctx);
    const built = [...s.resources(ctx), ...s.secrets(ctx, material), s.setupJob(ctx, NODE)];
    const rendered = renderChart(CHART, valuesFor(ctx, material));
    expect(rendered.map(key).sort()).toEqual(built.map(key).sort());
    expect(rendered).toHaveLength(19);

    const byKey = new Map(rendered.map((o) => [key(o), o]));
    for (const object of built) {
      const twin = byKey.get(key(object))!;
      if (object.kind === 'Secret') {
        const { data: _builtData, ...builtRest } = object;
        const { data: _renderedData, ...renderedRest } = twin;
        expect(renderedRest, key(object)).toEqual(builtRest);
        expect(decoded(twin), key(object)).toEqual(decoded(object));
      } else {
        expect(twin, key(object)).toEqual(object);
      }
    }
  });

  it('leaves the setup job unpinned when no node is given', () => {
    const ctx = testContext();
    const values = valuesFor(ctx, s.newSecrets(ctx));
    values.setup = { nodeName: '' };
    const job = renderChart(CHART, values).find((o) => o.kind === 'Job')!;
    expect(job).toEqual(s.setupJob(ctx, null));
  });

  it('uses http://<host> as the store URL when none is given', () => {
    const ctx = testContext();
    const values = valuesFor(ctx, s.newSecrets(ctx));
    (values.store as { url: string }).url = '';
    const server = renderChart(CHART, values).find((o) => key(o) === 'Deployment/medusa-server')!;
    expect(server).toEqual(s.resources(ctx).find((o) => key(o) === 'Deployment/medusa-server'));
  });

  it('ships the engine app template itself (files/app links to it)', () => {
    const link = join(REPO, 'charts/medusa-store/files/app');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(join(REPO, 'charts/medusa-store/files', readlinkSync(link))).toBe(
      join(REPO, 'main/engine/strategies/medusa/app'),
    );
  });

  it('generates the secrets a user does not give', () => {
    const rendered = renderChart(CHART, valuesFor(testContext(), {}));
    const app = decoded(rendered.find((o) => key(o) === `Secret/${MEDUSA_NAMES.appSecret}`)!);
    expect(app[MEDUSA_SECRET_KEYS.adminPassword]).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(app[MEDUSA_SECRET_KEYS.jwtSecret]).toMatch(/^[A-Za-z0-9]{64}$/);
    const db = decoded(rendered.find((o) => key(o) === `Secret/${MEDUSA_NAMES.databaseSecret}`)!);
    expect(db[MEDUSA_SECRET_KEYS.postgresPassword]).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('refuses to render without the store identity', () => {
    const result = helm(['template', 'release', `charts/${CHART}`, '-f', valuesFile({ store: { id: 'x' } })]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('store.slug is required');
  });

  it('passes helm lint with the example values', () => {
    const result = helm(['lint', `charts/${CHART}`, '-f', `charts/${CHART}/ci/kind-values.yaml`]);
    expect(result.stdout + result.stderr).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });
});
