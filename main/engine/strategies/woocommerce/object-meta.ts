// Metadata every namespaced object of a WooCommerce store gets: fixed name, the store's
// namespace and the common labels.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { podSelector as selectorFor, storeLabels } from '../../model/labels';
import { APP_NAME, PLAN, type Component } from './woocommerce-facts';

export function labelsFor(ctx: StoreContext, component: Component): Record<string, string> {
  return storeLabels({ id: ctx.id, slug: ctx.slug, plan: PLAN }, component, APP_NAME[component]);
}

/** Stable pod selector (immutable on Deployments, so it never includes anything that can change). */
export function podSelector(component: Component): Record<string, string> {
  return selectorFor(component, APP_NAME[component]);
}

export function objectMeta(ctx: StoreContext, name: string, component: Component): KubeObject['metadata'] {
  return { name, namespace: ctx.namespace, labels: labelsFor(ctx, component) };
}
