// Metadata every namespaced object of a WooCommerce store gets: fixed name, the store's
// namespace and the common labels.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { storeLabels, type Component } from '../../store-model';

export const PLAN = 'woocommerce' as const;

export function labelsFor(ctx: StoreContext, component: Component): Record<string, string> {
  return storeLabels({ id: ctx.id, slug: ctx.slug, plan: PLAN }, component);
}

export function objectMeta(ctx: StoreContext, name: string, component: Component): KubeObject['metadata'] {
  return { name, namespace: ctx.namespace, labels: labelsFor(ctx, component) };
}
