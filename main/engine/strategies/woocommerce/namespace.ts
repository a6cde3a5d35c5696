import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { storeNamespace } from '../store-wide-objects';
import { COMPONENT } from './woocommerce-facts';
import { labelsFor } from './object-meta';

export function buildNamespace(ctx: StoreContext): KubeObject {
  return storeNamespace(ctx, labelsFor(ctx, COMPONENT.store), {
    // Enforce baseline (no host access, no privilege); every store pod meets restricted too
    // (pod-security.ts), and warn/audit say so if a change by hand ever breaks it.
    'pod-security.kubernetes.io/enforce': 'baseline',
    'pod-security.kubernetes.io/warn': 'restricted',
    'pod-security.kubernetes.io/audit': 'restricted',
  });
}
