// Ingress detection on a Kind-like cluster (Traefik in its own namespace) and with no ingress
// controller at all: the NetworkPolicy follows the detected namespace; a missing controller
// fails the store at the ingress step with a plain reason.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('ingress detection', () => {
  it('admits the controller namespace found in the cluster (Kind: traefik)', async () => {
    h = await startHarness({ sim: { cluster: 'kind' } });
    const store = await h.createAndSettle('Kind Shop');
    expect(store.status).toBe('Ready');
    const policy = h.sim.store.get('networkpolicies.networking.k8s.io', 'store-kind-shop', 'store-isolation');
    // Only the controller's own pods (by the label they were found by), on port 80.
    expect((policy?.spec as { ingress: unknown[] }).ingress[0]).toEqual({
      from: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } },
        },
      ],
      ports: [{ protocol: 'TCP', port: 80 }],
    });
    expect(h.state.stores.getDesired(store.id)?.desired).toMatchObject({
      host: 'kind-shop.localhost',
      ingressClassName: 'traefik',
      ingressController: 'traefik',
      ingressControllerNamespace: 'traefik',
      ingressControllerPodLabels: { 'app.kubernetes.io/name': 'traefik' },
    });
  });

  it('fails at the ingress step, in plain words, when the cluster has no IngressClass', async () => {
    h = await startHarness({ sim: { ingress: false } });
    const store = await h.createAndSettle('No Ingress');
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'ingress' });
    expect(store.errorMessage).toMatch(/no IngressClass/);
    expect(h.sim.store.get('namespaces', undefined, 'store-no-ingress')).toBeUndefined();
  });
});
