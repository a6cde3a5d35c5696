// Labels, pod selector and metadata of one plan's namespaced objects: every plan writes the
// same label keys (model/labels.ts) and differs only in its app.kubernetes.io/name per component.
import type { Plan } from '../../../preload/contract';
import type { KubeObject } from '../../kube/kube-object';
import { podSelector, storeLabels } from '../model/labels';
import type { StoreContext } from './strategy';

export interface PlanLabels<C extends string> {
  labels(ctx: StoreContext, component: C): Record<string, string>;
  /** Stable pod selector (immutable on Deployments and StatefulSets, so nothing that can change). */
  selector(component: C): Record<string, string>;
  /** Fixed name, the store's namespace and the labels. */
  meta(ctx: StoreContext, name: string, component: C): KubeObject['metadata'];
}

export function planLabels<C extends string>(plan: Plan, appNames: Record<C, string>): PlanLabels<C> {
  const labels = (ctx: StoreContext, component: C): Record<string, string> =>
    storeLabels({ id: ctx.id, slug: ctx.slug, plan }, component, appNames[component]);
  return {
    labels,
    selector: (component) => podSelector(component, appNames[component]),
    meta: (ctx, name, component) => ({ name, namespace: ctx.namespace, labels: labels(ctx, component) }),
  };
}
