// Labels and annotations every store object carries: managed-by + store-id let the engine (and a
// cluster admin) find everything Storedeck made; component tells the UI which pod is which.
import type { Plan } from '../../../preload/contract';

export const MANAGED_BY = 'storedeck';

export const LABEL = {
  managedBy: 'app.kubernetes.io/managed-by',
  storeId: 'storedeck.dev/store-id',
  plan: 'storedeck.dev/plan',
  name: 'app.kubernetes.io/name',
  component: 'app.kubernetes.io/component',
  partOf: 'app.kubernetes.io/part-of',
  instance: 'app.kubernetes.io/instance',
} as const;

export const ANNOTATION = {
  storeName: 'storedeck.dev/store-name',
  /** Same key `kubectl rollout restart` writes, so both tools restart the same way. */
  restartedAt: 'kubectl.kubernetes.io/restartedAt',
  /** On the Namespace once setup succeeded (value: the store generation that ran it). */
  setupCompleted: 'storedeck.dev/setup-completed-generation',
  /** On the Namespace once a test order was placed and removed (value: the store generation). */
  checkoutVerified: 'storedeck.dev/checkout-verified-generation',
} as const;

/** Component label values every plan shares: the store-wide objects and the engine's Jobs. */
export const STORE_COMPONENT = 'store';
export const JOB_COMPONENT = { setup: 'setup', passwordReset: 'password-reset' } as const;
/** The components every plan has; a plan's COMPONENT table adds its own running parts. */
export const COMMON_COMPONENTS = { store: STORE_COMPONENT, ...JOB_COMPONENT } as const;

export interface LabelTarget {
  id: string;
  slug: string;
  plan: Plan;
}

/** The labels of one store object: `appName` is the software it belongs to (app.kubernetes.io/name). */
export function storeLabels(store: LabelTarget, component: string, appName: string): Record<string, string> {
  return {
    [LABEL.managedBy]: MANAGED_BY,
    [LABEL.storeId]: store.id,
    [LABEL.plan]: store.plan,
    [LABEL.name]: appName,
    [LABEL.component]: component,
    [LABEL.partOf]: store.plan,
    [LABEL.instance]: store.slug,
  };
}

/** Stable pod selector (immutable on Deployments, so it never includes anything that can change). */
export function podSelector(component: string, appName: string): Record<string, string> {
  return { [LABEL.name]: appName, [LABEL.component]: component };
}
