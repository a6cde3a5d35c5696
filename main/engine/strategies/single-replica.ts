// The workloads of a store (one pod each: a store is a small shop, not a cluster), shaped once:
// the selector and the pod labels come from the same component, so they always match, and every
// pod gets the shared pod defaults (no API token, no Service links).
import type { KubeObject } from '../../kube/kube-object';
import { POD_DEFAULTS } from './non-root-pod';
import type { PlanLabels } from './plan-labels';
import type { StoreContext } from './strategy';

export interface SingleReplicaSpec<C extends string> {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  component: C;
  /** Pod template annotations (e.g. a hash whose change rolls the pod). */
  annotations?: Record<string, string>;
  /** Further workload fields: a Deployment's strategy, a StatefulSet's serviceName. */
  spec?: Record<string, unknown>;
  /** The pod spec: security context, containers, volumes. */
  pod: Record<string, unknown>;
}

export function singleReplica<C extends string>(
  ctx: StoreContext,
  labels: PlanLabels<C>,
  workload: SingleReplicaSpec<C>,
): KubeObject {
  const { kind, name, component, annotations, spec, pod } = workload;
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: labels.meta(ctx, name, component),
    spec: {
      replicas: 1,
      ...spec,
      selector: { matchLabels: labels.selector(component) },
      template: {
        metadata: { labels: labels.labels(ctx, component), ...(annotations ? { annotations } : {}) },
        spec: { ...POD_DEFAULTS, ...pod },
      },
    },
  };
}
