// A StoreContext for a baseline store, decided the way the engine decides it (detected
// IngressClass and controller namespace, <slug>.localhost), so both sides build identical objects.
import { randomUUID } from 'node:crypto';
import type { KubeClient } from '../../main/kube/client';
import { detectIngress, storeHost, storeOrigin } from '../../main/kube/ingress-detect';
import { storeNamespace } from '../../main/engine/model/names';
import type { StoreContext } from '../../main/engine/strategies/strategy';

export type ContextFactory = (slug: string, options?: { imageRegistry?: string | null }) => StoreContext;

/** Detects the cluster's ingress once; returns a factory of per-store contexts. */
export async function referenceContexts(client: KubeClient): Promise<ContextFactory> {
  const ingress = await detectIngress(client);
  if (!ingress.controllerNamespace) throw new Error(`reference flow: ${ingress.problem ?? 'no ingress'}`);
  const controllerNamespace = ingress.controllerNamespace;
  return (slug, options = {}) => {
    const host = storeHost(slug, { isLocal: true, baseDomain: null }) as string;
    return {
      id: randomUUID(),
      name: slug,
      slug,
      namespace: storeNamespace(slug),
      adminEmail: 'owner@example.com',
      host,
      origin: storeOrigin(host, null),
      ingressClassName: ingress.className,
      ingressController: ingress.kind,
      ingressControllerNamespace: controllerNamespace,
      storageClassName: null,
      imageRegistry: options.imageRegistry ?? null,
    };
  };
}
