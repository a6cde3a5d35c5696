// A StoreContext as the engine would build it for a local Kind cluster with ingress-nginx.
import type { StoreContext } from '../strategy';

export function testContext(overrides: Partial<StoreContext> = {}): StoreContext {
  const host = overrides.host ?? 'corner-shop.localhost';
  return {
    id: '0b8f3c1e-6a4d-4f5e-9c2b-7d1e2f3a4b5c',
    name: 'Corner Shop',
    slug: 'corner-shop',
    namespace: 'store-corner-shop',
    adminEmail: 'owner@example.com',
    host,
    // As the engine derives it: the host, and the port only when the ingress is not on 80.
    origin: `http://${host}`,
    ingressClassName: 'nginx',
    ingressController: 'nginx',
    ingressControllerNamespace: 'ingress-nginx',
    storageClassName: null,
    imageRegistry: null,
    ...overrides,
  };
}

/** Value at a dotted path ("spec.template.spec.containers.0.image"), or undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
};

/** Whether a label selector (matchLabels AND matchExpressions, as the API server reads it) selects these labels. */
export function selects(selector: Selector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return (
    byLabel &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      if (operator === 'In') return key in labels && values.includes(labels[key] as string);
      if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key] as string);
      if (operator === 'Exists') return key in labels;
      if (operator === 'DoesNotExist') return !(key in labels);
      throw new Error(`unknown operator ${operator}`);
    })
  );
}
