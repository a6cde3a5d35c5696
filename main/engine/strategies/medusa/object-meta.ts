// Metadata every object of a MedusaJS store gets: fixed name, the store's namespace and the
// same label keys as every Storedeck object (managed-by, store-id, plan, component…).
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { podSelector, storeLabels } from '../../model/labels';
import { MEDUSA_APP_NAME, PLAN, type MedusaComponent } from './medusa-facts';

export function medusaLabels(ctx: StoreContext, component: MedusaComponent): Record<string, string> {
  return storeLabels({ id: ctx.id, slug: ctx.slug, plan: PLAN }, component, MEDUSA_APP_NAME[component]);
}

/** Stable pod selector (immutable on Deployments and StatefulSets). */
export function medusaSelector(component: MedusaComponent): Record<string, string> {
  return podSelector(component, MEDUSA_APP_NAME[component]);
}

export function medusaMeta(
  ctx: StoreContext,
  name: string,
  component: MedusaComponent,
): KubeObject['metadata'] {
  return { name, namespace: ctx.namespace, labels: medusaLabels(ctx, component) };
}

/** Least privilege for every container: no escalation, no capabilities, the runtime's seccomp. */
export const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/**
 * A container that exits with an error leaves its log's last lines in its status
 * (lastState.terminated.message): the diagnosis can quote why without reading logs.
 */
export const TAIL_ON_ERROR = 'FallbackToLogsOnError';
