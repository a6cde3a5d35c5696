// What the builders need about a store: its row, its settings snapshot, and the cluster facts
// (IngressClass, controller namespace, host) decided once on the first pass and kept with the
// store, so later passes build the very same objects.
import type { Store } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import { detectIngressShared, storeHost, storeOrigin } from '../kube/ingress-detect';
import type { StoreDesired } from '../state/store-desired.schema';
import type { StoresRepo } from '../state/stores.repo';
import { StepFailure } from './step-failure';
import type { StoreContext } from './strategies/strategy';
import type { Timeline } from './store-writer';

/** The builders' view of a store whose cluster facts are decided (host and controller namespace set). */
export function contextFromDesired(store: Store, desired: StoreDesired): StoreContext | null {
  if (!desired.host || !desired.ingressControllerNamespace) return null;
  return {
    id: store.id,
    name: store.name,
    slug: store.slug,
    namespace: store.namespace,
    adminEmail: store.adminEmail,
    host: desired.host,
    origin: storeOrigin(desired.host, desired.httpPort),
    ingressClassName: desired.ingressClassName,
    ingressController: desired.ingressController ?? 'other',
    ingressControllerNamespace: desired.ingressControllerNamespace,
    ingressControllerPodLabels: desired.ingressControllerPodLabels,
    storageClassName: desired.storageClass,
    imageRegistry: desired.imageRegistry,
  };
}

export async function resolveStoreContext(
  client: KubeClient,
  stores: StoresRepo,
  store: Store,
  isLocal: boolean,
  timeline: Timeline,
  signal: AbortSignal,
): Promise<{ ctx: StoreContext; generation: number }> {
  const state = stores.getDesired(store.id);
  if (!state) throw new StepFailure('start', 'The store record disappeared');
  let desired = state.desired;

  if (!desired.host || !desired.ingressControllerNamespace) {
    desired = await timeline.step('ingress', 'Detecting the ingress controller', async () => {
      const found = await detectIngressShared(client, signal);
      if (found.problem || !found.controllerNamespace) {
        throw new StepFailure(
          'ingress',
          found.problem ?? 'No ingress controller found in the cluster',
          'NoIngressController',
        );
      }
      const host = storeHost(store.slug, { isLocal, baseDomain: desired.baseDomain });
      if (!host) {
        throw new StepFailure(
          'ingress',
          `Context "${store.context}" is a remote cluster and no base domain is set: set one in Settings (e.g. stores.example.com) so the store gets a host name that resolves`,
          'NoBaseDomain',
        );
      }
      const next = {
        ...desired,
        host,
        ingressClassName: found.className,
        ingressController: found.kind,
        ingressControllerNamespace: found.controllerNamespace,
        ingressControllerPodLabels: found.controllerPodLabels ?? null,
      };
      stores.setDesired(store.id, next);
      return {
        value: next,
        message: `IngressClass ${found.className} (${found.kind}, controller in namespace ${found.controllerNamespace}); host ${host}`,
        notable: true,
      };
    });
  }

  const ctx = contextFromDesired(store, desired);
  if (!ctx)
    throw new StepFailure('ingress', 'The store has no host or ingress controller namespace recorded');
  return { generation: state.generation, ctx };
}
