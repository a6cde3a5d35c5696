// Metadata every object of a MedusaJS store gets: fixed name, the store's namespace and the
// same label keys as every Storedeck object (managed-by, store-id, plan, component…).
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { LABEL, MANAGED_BY } from '../../model/labels';
import { MEDUSA_APP_NAME, PLAN, type MedusaComponent } from './medusa-facts';

export function medusaLabels(ctx: StoreContext, component: MedusaComponent): Record<string, string> {
  return {
    [LABEL.managedBy]: MANAGED_BY,
    [LABEL.storeId]: ctx.id,
    [LABEL.plan]: PLAN,
    [LABEL.name]: MEDUSA_APP_NAME[component],
    [LABEL.component]: component,
    [LABEL.partOf]: PLAN,
    [LABEL.instance]: ctx.slug,
  };
}

/** Stable pod selector (immutable on Deployments and StatefulSets). */
export function medusaSelector(component: MedusaComponent): Record<string, string> {
  return { [LABEL.name]: MEDUSA_APP_NAME[component], [LABEL.component]: component };
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

export type EnvVar =
  | { name: string; value: string }
  | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };

export const fromSecret = (name: string, secret: string, key: string): EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key } },
});
