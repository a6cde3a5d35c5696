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
    expect(JSON.stringify(policy?.spec)).toContain('"traefik"');
    expect(h.state.stores.getDesired(store.id)?.desired).toMatchObject({
      host: 'kind-shop.localhost',
      ingressClassName: 'traefik',
      ingressController: 'traefik',
      ingressControllerNamespace: 'traefik',
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
